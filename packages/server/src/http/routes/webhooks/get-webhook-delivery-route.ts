import { ApiError } from "../../../errors/api-error.js";
import { webhookDeliveryJson } from "../../../wire/webhook-delivery-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/webhooks/deliveries/{delivery_id}`: one delivery's state. 404 when unknown. */
export const getWebhookDeliveryRoute = defineRoute({
  method: "GET",
  path: "/v1/webhooks/deliveries/{delivery_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const delivery = await store.getWebhookDelivery(params.delivery_id);
    if (delivery === null) throw new ApiError("resource_not_found", { paramName: "delivery_id" });
    return webhookDeliveryJson(delivery);
  },
});
