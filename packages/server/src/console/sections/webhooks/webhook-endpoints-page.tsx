/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { WebhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { CsrfField, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { ListCard } from "../../console-table.js";
import { EndpointFields, type EndpointForm } from "./webhook-endpoint-form.js";

/** Where an endpoint's page is. */
export const endpointPath = (id: string) => `${CONSOLE_PATH}/webhooks/${encodeURIComponent(id)}`;

/** An endpoint's state as a badge. */
export function EnabledBadge(props: { enabled: boolean }) {
  return props.enabled ? (
    <span class="badge success">Enabled</span>
  ) : (
    <span class="badge warning">Disabled</span>
  );
}

/** The webhooks page: the endpoints, and the form that adds one (re-shown with its error). */
export function WebhookEndpointsPage(props: {
  endpoints: WebhookEndpointJson[];
  total: number;
  csrfToken: string;
  form: EndpointForm;
  error: string | null;
}) {
  return (
    <>
      <h1>Webhooks</h1>
      <p class="muted">
        Every change of users, sessions and organizations is sent, signed, to these endpoints,
        retried with back-off, and kept as a delivery you can replay.
      </p>
      <ListCard
        id="endpoints"
        title={`Endpoints (${props.total.toLocaleString("en")})`}
        empty="No endpoints yet."
        caption="Endpoints"
        columns={["URL", "Events", "State", "Description", "Created"]}
        rows={props.endpoints.map((endpoint) => (
          <tr>
            <td>
              <a href={endpointPath(endpoint.id)}>{endpoint.url}</a>
            </td>
            <td>{endpoint.event_types.length === 0 ? "All" : endpoint.event_types.join(", ")}</td>
            <td>
              <EnabledBadge enabled={endpoint.enabled} />
            </td>
            <td>{endpoint.description ?? "—"}</td>
            <td>{formatTime(endpoint.created_at)}</td>
          </tr>
        ))}
      />
      <section aria-labelledby="add-heading" class="card">
        <h2 id="add-heading">Add an endpoint</h2>
        {props.error !== null ? (
          <p class="flash error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action={`${CONSOLE_PATH}/webhooks`} class="stack">
          <CsrfField token={props.csrfToken} />
          <EndpointFields form={props.form} idPrefix="new-endpoint" />
          <button type="submit" class="button primary">
            Add endpoint
          </button>
        </form>
      </section>
    </>
  );
}
