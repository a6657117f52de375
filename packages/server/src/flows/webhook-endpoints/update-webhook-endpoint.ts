import type { Store } from "../../store/store.js";
import type { WebhookEndpointPatch, WebhookEndpointRecord } from "../../store/webhook-store.js";
import { checkWebhookUrl } from "./webhook-url.js";

/**
 * Changes an endpoint's URL (checked as at creation), event types, enabled flag or description.
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid` (`url`),
 *   `form_identifier_exists` (`url`)
 * @example
 * await updateWebhookEndpoint(store, endpointId, { enabled: false });
 */
export async function updateWebhookEndpoint(
  store: Pick<Store, "updateWebhookEndpoint">,
  endpointId: string,
  patch: WebhookEndpointPatch,
): Promise<WebhookEndpointRecord> {
  if (patch.url !== undefined) checkWebhookUrl(patch.url);
  return store.updateWebhookEndpoint(endpointId, patch);
}
