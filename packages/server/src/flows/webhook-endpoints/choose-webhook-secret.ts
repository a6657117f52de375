import { generateWebhookSecret, webhookSecretKey } from "../../webhooks/webhook-secret.js";

/**
 * The secret an endpoint gets: the one given (checked; never echoed in errors), or a new one.
 *
 * @throws ApiError `form_param_format_invalid` (`secret`)
 * @example
 * chooseWebhookSecret(undefined); // "whsec_…", freshly generated
 */
export function chooseWebhookSecret(given: string | undefined): string {
  if (given === undefined) return generateWebhookSecret();
  webhookSecretKey(given);
  return given;
}
