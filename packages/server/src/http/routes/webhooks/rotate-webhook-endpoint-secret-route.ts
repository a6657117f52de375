import { z } from "zod";
import { rotateWebhookEndpointSecret } from "../../../flows/webhook-endpoints/rotate-webhook-endpoint-secret.js";
import { webhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/webhooks/endpoints/{endpoint_id}/rotate_secret`: replaces the secret (given, or
 * generated) and answers the endpoint with the new one. The old secret keeps signing deliveries,
 * alongside the new one, for 24 hours. Errors: `resource_not_found`, `form_param_format_invalid`.
 */
export const rotateWebhookEndpointSecretRoute = defineRoute({
  method: "POST",
  path: "/v1/webhooks/endpoints/{endpoint_id}/rotate_secret",
  auth: "secret_key",
  body: z.strictObject({ secret: z.string().optional() }),
  handler: async ({ params, body, store }) => {
    const { endpoint, secret } = await rotateWebhookEndpointSecret(
      store,
      params.endpoint_id,
      body.secret === undefined ? {} : { secret: body.secret },
    );
    return webhookEndpointJson(endpoint, secret);
  },
});
