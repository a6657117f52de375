import { z } from "zod";
import { updateWebhookEndpoint } from "../../../flows/webhook-endpoints/update-webhook-endpoint.js";
import { webhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { defineRoute } from "../../define-route.js";
import { eventTypesInput, webhookUrlInput } from "./webhook-route-input.js";

/**
 * `PATCH /v1/webhooks/endpoints/{endpoint_id}`: changes the URL, event-type filter, enabled flag or
 * description. Errors: `resource_not_found`, `form_param_format_invalid`, `form_identifier_exists`.
 */
export const updateWebhookEndpointRoute = defineRoute({
  method: "PATCH",
  path: "/v1/webhooks/endpoints/{endpoint_id}",
  auth: "secret_key",
  body: z.strictObject({
    url: webhookUrlInput.optional(),
    event_types: eventTypesInput.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(1000).nullable().optional(),
  }),
  handler: async ({ params, body, store }) => {
    const endpoint = await updateWebhookEndpoint(store, params.endpoint_id, {
      ...(body.url === undefined ? {} : { url: body.url }),
      ...(body.event_types === undefined ? {} : { eventTypes: body.event_types }),
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.description === undefined ? {} : { description: body.description }),
    });
    return webhookEndpointJson(endpoint);
  },
});
