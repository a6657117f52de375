import { BackendError } from "../errors/backend-error.js";

/**
 * Why a webhook failed verification. Branch on these; the messages may change.
 *
 * - `webhook-missing-headers`: `svix-id`, `svix-timestamp` or `svix-signature` (or their
 *   `webhook-*` equivalents) is absent or empty.
 * - `webhook-missing-secret`: no signing secret was passed and `CLERK_WEBHOOK_SIGNING_SECRET` is unset.
 * - `webhook-invalid-secret`: the secret is not (`whsec_`-prefixed) base64.
 * - `webhook-timestamp-invalid`: the timestamp header is not a whole number of seconds.
 * - `webhook-timestamp-too-old` / `webhook-timestamp-too-new`: outside the ±5 minute window.
 * - `webhook-signature-invalid`: no `v1` signature in the header matches the payload.
 * - `webhook-payload-too-large`: the body is longer than `maxBodyBytes` (default 1 MiB).
 * - `webhook-payload-invalid`: the body could not be read, or is not a JSON event envelope.
 */
export type WebhookVerificationErrorCode =
  | "webhook-missing-headers"
  | "webhook-missing-secret"
  | "webhook-invalid-secret"
  | "webhook-timestamp-invalid"
  | "webhook-timestamp-too-old"
  | "webhook-timestamp-too-new"
  | "webhook-signature-invalid"
  | "webhook-payload-too-large"
  | "webhook-payload-invalid";

/**
 * Thrown when a webhook request cannot be verified or parsed.
 *
 * Messages never contain the signing secret, signatures or the payload.
 *
 * @example
 * ```ts
 * try {
 *   const event = await verifyWebhook(request);
 * } catch (err) {
 *   if (err instanceof WebhookVerificationError) {
 *     return new Response(err.code, { status: 400 });
 *   }
 *   throw err;
 * }
 * ```
 */
export class WebhookVerificationError extends BackendError<WebhookVerificationErrorCode> {}
