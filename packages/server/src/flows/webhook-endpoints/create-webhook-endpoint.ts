import type { Store } from "../../store/store.js";
import type { NewWebhookEndpoint, WebhookEndpointWithSecret } from "../../store/webhook-store.js";
import { chooseWebhookSecret } from "./choose-webhook-secret.js";
import { checkWebhookUrl } from "./webhook-url.js";

/** An endpoint as asked for: its secret is generated when absent. */
export type WebhookEndpointInput = Omit<NewWebhookEndpoint, "secret"> & { secret?: string };

/**
 * Creates an endpoint: the URL must be absolute http(s) without credentials, a given secret a
 * well-formed `whsec_…`.
 *
 * @throws ApiError `form_param_format_invalid` (`url`, `secret`), `form_identifier_exists` (`url`)
 * @example
 * const { endpoint, secret } = await createWebhookEndpoint(store, { url: "https://app.example/hooks" });
 */
export async function createWebhookEndpoint(
  store: Pick<Store, "insertWebhookEndpoint">,
  input: WebhookEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  return store.insertWebhookEndpoint(checkedEndpoint(input));
}

/**
 * Creates the endpoint for `url`, or updates the existing one (its secret only when one is given,
 * event types, re-enabled). Safe to call at every start, from several processes.
 *
 * @throws ApiError `form_param_format_invalid` (`url`, `secret`)
 * @example
 * await ensureWebhookEndpoint(store, { url, secret: process.env.CLERK_WEBHOOK_SIGNING_SECRET });
 */
export async function ensureWebhookEndpoint(
  store: Pick<Store, "upsertWebhookEndpoint">,
  input: WebhookEndpointInput,
): Promise<WebhookEndpointWithSecret & { created: boolean }> {
  return store.upsertWebhookEndpoint({
    ...checkedEndpoint(input),
    keepExistingSecret: input.secret === undefined,
  });
}

function checkedEndpoint(input: WebhookEndpointInput): NewWebhookEndpoint {
  checkWebhookUrl(input.url);
  return { ...input, secret: chooseWebhookSecret(input.secret) };
}
