import type { Store } from "../../store/store.js";
import type { WebhookEndpointWithSecret } from "../../store/webhook-store.js";
import { chooseWebhookSecret } from "./choose-webhook-secret.js";

/** How long a rotated-out secret keeps signing deliveries by default (as Svix does): 24 hours. */
export const DEFAULT_SECRET_GRACE_MS = 24 * 3_600_000;

/**
 * Replaces an endpoint's secret (the one given, checked, or a new one); the old one keeps signing
 * deliveries alongside it for `graceMs`.
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid` (`secret`)
 * @example
 * const { secret } = await rotateWebhookEndpointSecret(store, endpointId);
 */
export async function rotateWebhookEndpointSecret(
  store: Pick<Store, "replaceWebhookEndpointSecret">,
  endpointId: string,
  options: { secret?: string; graceMs?: number } = {},
): Promise<WebhookEndpointWithSecret> {
  return store.replaceWebhookEndpointSecret(endpointId, {
    secret: chooseWebhookSecret(options.secret),
    graceMs: options.graceMs ?? DEFAULT_SECRET_GRACE_MS,
  });
}
