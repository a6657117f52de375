/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import type { WebhookDeliveryJson } from "../../../wire/webhook-delivery-json.js";
import type { WebhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { recordConsoleChange, runConsoleChange } from "../../console-action.js";
import { describeApiErrors } from "../../console-api.js";
import type { ConsoleEnv } from "../../console-env.js";
import { setFlash } from "../../console-flash.js";
import { renderPage } from "../../console-page.js";
import { endpointDeletion } from "./endpoint-deletion.js";
import { type EndpointForm, endpointBody, readEndpointForm } from "./webhook-endpoint-form.js";
import { DELIVERY_STATUSES, type NewSecret, WebhookEndpointPage } from "./webhook-endpoint-page.js";
import { endpointPath, WebhookEndpointsPage } from "./webhook-endpoints-page.js";

const DELIVERIES_PER_PAGE = 50;
const EMPTY_FORM: EndpointForm = { url: "", eventTypes: "", description: "" };

type Listed<T> = { data: T[]; total_count: number };

async function showEndpoints(
  c: Context<ConsoleEnv>,
  form: EndpointForm = EMPTY_FORM,
  error: string | null = null,
): Promise<Response> {
  const listed = await c.get("api")<Listed<WebhookEndpointJson>>(
    "GET",
    "/v1/webhooks/endpoints?limit=500",
  );
  return renderPage(c, {
    title: "Webhooks",
    active: "webhooks",
    ...(error === null ? {} : { status: 422 as const }),
    body: (
      <WebhookEndpointsPage
        endpoints={listed.ok ? listed.data.data : []}
        total={listed.ok ? listed.data.total_count : 0}
        csrfToken={c.get("csrfToken")}
        form={form}
        error={error}
      />
    ),
  });
}

/**
 * An endpoint's page, with its deliveries (status filter and page from the query). `newSecret`
 * is shown on this one answer only: the page a creation or rotation renders (never a redirect,
 * whose message would travel in a cookie).
 */
async function showEndpoint(
  c: Context<ConsoleEnv>,
  id: string,
  newSecret: NewSecret | null = null,
): Promise<Response> {
  const api = c.get("api");
  const status = DELIVERY_STATUSES.find((s) => s === c.req.query("status")) ?? null;
  const requested = Number.parseInt(c.req.query("page") ?? "1", 10);
  const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  const endpointId = encodeURIComponent(id);
  const deliveriesQuery = new URLSearchParams({
    endpoint_id: id,
    limit: String(DELIVERIES_PER_PAGE),
    offset: String((page - 1) * DELIVERIES_PER_PAGE),
    ...(status === null ? {} : { status }),
  });
  const [endpoint, deliveries, dead] = await Promise.all([
    api<WebhookEndpointJson>("GET", `/v1/webhooks/endpoints/${endpointId}`),
    api<Listed<WebhookDeliveryJson>>("GET", `/v1/webhooks/deliveries?${deliveriesQuery}`),
    api<Listed<WebhookDeliveryJson>>(
      "GET",
      `/v1/webhooks/deliveries?endpoint_id=${endpointId}&status=dead&limit=1`,
    ),
  ]);
  if (!endpoint.ok) {
    return renderPage(c, {
      title: "Endpoint not found",
      active: "webhooks",
      status: 404,
      body: <h1>No webhook endpoint {id}</h1>,
    });
  }
  return renderPage(c, {
    title: endpoint.data.url,
    active: "webhooks",
    body: (
      <WebhookEndpointPage
        endpoint={endpoint.data}
        deliveries={{
          deliveries: deliveries.ok ? deliveries.data.data : [],
          total: deliveries.ok ? deliveries.data.total_count : 0,
          status,
          page,
          perPage: DELIVERIES_PER_PAGE,
        }}
        deadCount={dead.ok ? dead.data.total_count : 0}
        csrfToken={c.get("csrfToken")}
        newSecret={newSecret}
      />
    ),
  });
}

/** Enabling and disabling: the same PATCH with the flag. */
const TOGGLES = [
  ["enable", true, "Endpoint enabled."],
  ["disable", false, "Endpoint disabled: no events are sent to it until it is enabled."],
] as const;

/**
 * The Webhooks section: endpoints (add, edit, enable/disable, rotate the secret, delete) and their
 * deliveries (replay one, replay every dead-lettered one), all through the Backend API's webhook
 * routes. A signing secret appears once, on the page its creation or rotation answers.
 */
export function mountWebhooksSection(app: Hono<ConsoleEnv>): void {
  app.get("/webhooks", (c) => showEndpoints(c));

  app.post("/webhooks", async (c) => {
    const form = readEndpointForm(await c.req.parseBody());
    const body = endpointBody(form);
    const created = await c.get("api")<WebhookEndpointJson>("POST", "/v1/webhooks/endpoints", body);
    if (!created.ok) return showEndpoints(c, form, describeApiErrors(created.errors));
    await recordConsoleChange(c, "webhook_endpoint.create", created.data.id, {
      url: created.data.url,
      event_types: created.data.event_types,
    });
    return showEndpoint(c, created.data.id, {
      notice: "Endpoint added.",
      secret: created.data.secret ?? "",
    });
  });

  app.get("/webhooks/:id", (c) => showEndpoint(c, c.req.param("id")));

  app.post("/webhooks/:id", async (c) => {
    const id = c.req.param("id");
    const body = endpointBody(readEndpointForm(await c.req.parseBody()));
    return runConsoleChange(c, {
      action: "webhook_endpoint.update",
      targetId: id,
      detail: { url: body.url, event_types: body.event_types },
      call: (api) => api("PATCH", `/v1/webhooks/endpoints/${encodeURIComponent(id)}`, body),
      success: "Endpoint saved.",
      redirectTo: endpointPath(id),
    });
  });

  for (const [action, enabled, success] of TOGGLES) {
    app.post(`/webhooks/:id/${action}`, (c) => {
      const id = c.req.param("id");
      return runConsoleChange(c, {
        action: `webhook_endpoint.${action}`,
        targetId: id,
        call: (api) =>
          api("PATCH", `/v1/webhooks/endpoints/${encodeURIComponent(id)}`, { enabled }),
        success,
        redirectTo: endpointPath(id),
      });
    });
  }

  app.post("/webhooks/:id/rotate-secret", async (c) => {
    const id = c.req.param("id");
    const rotated = await c.get("api")<WebhookEndpointJson>(
      "POST",
      `/v1/webhooks/endpoints/${encodeURIComponent(id)}/rotate_secret`,
      {},
    );
    if (!rotated.ok) {
      setFlash(c, { kind: "error", text: describeApiErrors(rotated.errors) });
      return c.redirect(endpointPath(id), 303);
    }
    await recordConsoleChange(c, "webhook_endpoint.rotate_secret", id);
    return showEndpoint(c, id, {
      notice: "Secret rotated: the old one keeps signing alongside the new one for 24 hours.",
      secret: rotated.data.secret ?? "",
    });
  });

  endpointDeletion.mount(app);

  app.post("/webhooks/:id/replay-dead", (c) => {
    const id = c.req.param("id");
    return runConsoleChange<{ replayed_count: number }>(c, {
      action: "webhook_endpoint.replay_dead",
      targetId: id,
      call: (api) => api("POST", `/v1/webhooks/endpoints/${encodeURIComponent(id)}/replay`),
      success: "Dead-lettered deliveries queued again.",
      redirectTo: endpointPath(id),
    });
  });

  app.post("/webhooks/:id/deliveries/:deliveryId/replay", (c) => {
    const id = c.req.param("id");
    const deliveryId = c.req.param("deliveryId");
    return runConsoleChange(c, {
      action: "webhook_delivery.replay",
      targetId: deliveryId,
      detail: { endpoint_id: id },
      call: (api) =>
        api("POST", `/v1/webhooks/deliveries/${encodeURIComponent(deliveryId)}/replay`),
      success: "Delivery queued again.",
      redirectTo: endpointPath(id),
    });
  });
}
