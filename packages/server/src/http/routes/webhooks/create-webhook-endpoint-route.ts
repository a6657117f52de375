import { z } from "zod";
import { createWebhookEndpoint } from "../../../flows/webhook-endpoints/create-webhook-endpoint.js";
import { webhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { defineRoute } from "../../define-route.js";
import { eventTypesInput, webhookUrlInput } from "./webhook-route-input.js";

/**
 * `POST /v1/webhooks/endpoints`: creates an endpoint and answers it with its `whsec_…` secret —
 * the only answer that ever carries it (besides a rotation). The secret is generated when not
 * given. Errors: `form_param_format_invalid` (`url`, `secret`, `event_types`),
 * `form_identifier_exists` (`url`).
 */
export const createWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/v1/webhooks/endpoints",
  auth: "secret_key",
  body: z.strictObject({
    url: webhookUrlInput,
    secret: z.string().optional(),
    event_types: eventTypesInput.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(1000).nullable().optional(),
  }),
  handler: async ({ body, store }) => {
    const { endpoint, secret } = await createWebhookEndpoint(store, {
      url: body.url,
      ...(body.secret === undefined ? {} : { secret: body.secret }),
      ...(body.event_types === undefined ? {} : { eventTypes: body.event_types }),
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.description === undefined ? {} : { description: body.description }),
    });
    return webhookEndpointJson(endpoint, secret);
  },
});
