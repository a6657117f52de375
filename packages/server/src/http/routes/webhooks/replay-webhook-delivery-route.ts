import { webhookDeliveryJson } from "../../../wire/webhook-delivery-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/webhooks/deliveries/{delivery_id}/replay`: re-queues a dead or failed delivery for now,
 * with a fresh attempt budget, and answers its state. Errors: `resource_not_found`,
 * `webhook_delivery_not_replayable` (pending, succeeded, or an attempt in flight).
 */
export const replayWebhookDeliveryRoute = defineRoute({
  method: "POST",
  path: "/v1/webhooks/deliveries/{delivery_id}/replay",
  auth: "secret_key",
  handler: async ({ params, store }) =>
    webhookDeliveryJson(await store.replayWebhookDelivery(params.delivery_id)),
});
