import { ApiError } from "../../../errors/api-error.js";
import { webhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/webhooks/endpoints/{endpoint_id}`: one endpoint, without its secret. 404 when unknown. */
export const getWebhookEndpointRoute = defineRoute({
  method: "GET",
  path: "/v1/webhooks/endpoints/{endpoint_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const endpoint = await store.getWebhookEndpoint(params.endpoint_id);
    if (endpoint === null) throw new ApiError("resource_not_found", { paramName: "endpoint_id" });
    return webhookEndpointJson(endpoint);
  },
});
