import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/webhooks/endpoints/{endpoint_id}/replay`: re-queues every dead delivery of the endpoint
 * for now; answers `{ object: "webhook_replay", endpoint_id, replayed_count }`. 404 when unknown.
 */
export const replayWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/v1/webhooks/endpoints/{endpoint_id}/replay",
  auth: "secret_key",
  handler: async ({ params, store }) => ({
    object: "webhook_replay",
    endpoint_id: params.endpoint_id,
    replayed_count: await store.replayDeadWebhookDeliveries(params.endpoint_id),
  }),
});
