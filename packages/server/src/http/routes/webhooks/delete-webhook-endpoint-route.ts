import { ApiError } from "../../../errors/api-error.js";
import { defineRoute } from "../../define-route.js";

/**
 * `DELETE /v1/webhooks/endpoints/{endpoint_id}`: deletes the endpoint and its deliveries; answers
 * `{ object: "webhook_endpoint", id, deleted: true }`. 404 when unknown.
 */
export const deleteWebhookEndpointRoute = defineRoute({
  method: "DELETE",
  path: "/v1/webhooks/endpoints/{endpoint_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    if (!(await store.deleteWebhookEndpoint(params.endpoint_id))) {
      throw new ApiError("resource_not_found", { paramName: "endpoint_id" });
    }
    return { object: "webhook_endpoint", id: params.endpoint_id, deleted: true };
  },
});
