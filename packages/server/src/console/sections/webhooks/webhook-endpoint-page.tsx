/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { WebhookDeliveryJson } from "../../../wire/webhook-delivery-json.js";
import type { WebhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { ActionForm, CsrfField, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";
import { endpointDeletion } from "./endpoint-deletion.js";
import { EndpointFields, endpointFormOf } from "./webhook-endpoint-form.js";
import { EnabledBadge, endpointPath } from "./webhook-endpoints-page.js";

/** Delivery states, as the list filters them. */
export const DELIVERY_STATUSES = ["pending", "failed", "succeeded", "dead"] as const;

const STATUS_BADGE = {
  pending: "badge",
  failed: "badge warning",
  succeeded: "badge success",
  dead: "badge danger",
} as const;

/** A page of an endpoint's deliveries: filtered by status, newest first. */
export interface DeliveryList {
  deliveries: WebhookDeliveryJson[];
  total: number;
  status: (typeof DELIVERY_STATUSES)[number] | null;
  page: number;
  perPage: number;
}

/** A signing secret just made, and what made it. */
export interface NewSecret {
  notice: string;
  secret: string;
}

/** The signing secret, shown once: right after the endpoint was created or its secret rotated. */
function NewSecretCard(props: NewSecret) {
  return (
    <section aria-labelledby="secret-heading" class="card" role="status">
      <h2 id="secret-heading">Signing secret</h2>
      <p class="flash success">{props.notice}</p>
      <p>
        Copy it now into your app (e.g. <code>CLERK_WEBHOOK_SIGNING_SECRET</code>): it is not shown
        again.
      </p>
      <pre class="json">{props.secret}</pre>
    </section>
  );
}

function DeliveriesTable(props: { list: DeliveryList; base: string; csrfToken: string }) {
  const { list, base } = props;
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    if (list.status !== null) query.set("status", list.status);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text === "" ? base : `${base}?${text}`;
  };
  return (
    <>
      <form method="get" action={base} class="toolbar" aria-label="Filter deliveries">
        <div class="field">
          <label for="delivery-status">Status</label>
          <select id="delivery-status" name="status">
            <option value="">All</option>
            {DELIVERY_STATUSES.map((status) => (
              <option value={status} selected={status === list.status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          Show
        </button>
      </form>
      {list.deliveries.length === 0 ? (
        <p>No deliveries{list.status === null ? "" : ` ${list.status}`}.</p>
      ) : (
        <DataTable
          caption="Deliveries"
          columns={[
            "Event",
            "Status",
            "Attempts",
            "Last response",
            "Last attempt",
            "Next attempt",
            null,
          ]}
        >
          {list.deliveries.map((delivery) => (
            <tr>
              <td>
                <code>{delivery.event_type}</code>
                <br />
                <span class="muted">{delivery.event_id}</span>
              </td>
              <td>
                <span class={STATUS_BADGE[delivery.status]}>{delivery.status}</span>
              </td>
              <td>{delivery.attempts}</td>
              <td>
                {delivery.last_status_code ?? "—"}
                {delivery.last_error === null ? null : (
                  <>
                    <br />
                    <span class="muted">{delivery.last_error}</span>
                  </>
                )}
              </td>
              <td>{formatTime(delivery.last_attempt_at)}</td>
              <td>{formatTime(delivery.next_attempt_at)}</td>
              <td>
                {delivery.status === "dead" || delivery.status === "failed" ? (
                  <ActionForm
                    action={`${base}/deliveries/${encodeURIComponent(delivery.id)}/replay`}
                    csrfToken={props.csrfToken}
                    label="Replay"
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Delivery pages" class="pager">
        {list.page > 1 ? <a href={pageLink(list.page - 1)}>← Newer</a> : null}
        {list.page * list.perPage < list.total ? (
          <a href={pageLink(list.page + 1)}>Older →</a>
        ) : null}
      </nav>
    </>
  );
}

/**
 * An endpoint's page: its settings and state, the new secret once, enable/disable, rotate, edit,
 * its deliveries with replay, and delete.
 */
export function WebhookEndpointPage(props: {
  endpoint: WebhookEndpointJson;
  deliveries: DeliveryList;
  deadCount: number;
  csrfToken: string;
  newSecret: NewSecret | null;
}) {
  const { endpoint, csrfToken } = props;
  const base = endpointPath(endpoint.id);
  return (
    <>
      <p>
        <a href={`${CONSOLE_PATH}/webhooks`}>← All endpoints</a>
      </p>
      <div class="page-head">
        <h1>{endpoint.url}</h1>
        <EnabledBadge enabled={endpoint.enabled} />
      </div>
      {props.newSecret === null ? null : <NewSecretCard {...props.newSecret} />}
      <section aria-labelledby="endpoint-heading" class="card">
        <h2 id="endpoint-heading">Endpoint</h2>
        <dl class="facts">
          <dt>Endpoint id</dt>
          <dd>
            <code>{endpoint.id}</code>
          </dd>
          <dt>Events</dt>
          <dd>{endpoint.event_types.length === 0 ? "All" : endpoint.event_types.join(", ")}</dd>
          <dt>Description</dt>
          <dd>{endpoint.description ?? "—"}</dd>
          <dt>Created</dt>
          <dd>{formatTime(endpoint.created_at)}</dd>
        </dl>
        <div class="actions">
          {endpoint.enabled ? (
            <ActionForm action={`${base}/disable`} csrfToken={csrfToken} label="Disable" />
          ) : (
            <ActionForm action={`${base}/enable`} csrfToken={csrfToken} label="Enable" />
          )}
          <ActionForm
            action={`${base}/rotate-secret`}
            csrfToken={csrfToken}
            label="Rotate secret"
            confirm="Rotate the signing secret? The old one keeps signing alongside for 24 hours."
          />
        </div>
      </section>
      <section aria-labelledby="deliveries-heading" class="card">
        <h2 id="deliveries-heading">Deliveries ({props.deliveries.total.toLocaleString("en")})</h2>
        {props.deadCount > 0 ? (
          <ActionForm
            action={`${base}/replay-dead`}
            csrfToken={csrfToken}
            label={`Replay all ${props.deadCount} dead-lettered`}
          />
        ) : null}
        <DeliveriesTable list={props.deliveries} base={base} csrfToken={csrfToken} />
      </section>
      <section aria-labelledby="edit-heading" class="card">
        <h2 id="edit-heading">Edit endpoint</h2>
        <form method="post" action={base} class="stack">
          <CsrfField token={csrfToken} />
          <EndpointFields form={endpointFormOf(endpoint)} idPrefix="endpoint" />
          <button type="submit" class="button primary">
            Save endpoint
          </button>
        </form>
      </section>
      <endpointDeletion.Card id={endpoint.id} csrfToken={csrfToken} />
    </>
  );
}
