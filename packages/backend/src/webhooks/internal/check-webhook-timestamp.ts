import { WebhookVerificationError } from "../webhook-verification-error.js";

/** How far the signed timestamp may drift from the verifier's clock, either way. */
const TOLERANCE_SECONDS = 5 * 60;

/** Seconds since the epoch, digits only; 15 digits is far beyond any real clock. */
const TIMESTAMP = /^[0-9]{1,15}$/;

/**
 * The signed timestamp in seconds, once it is a whole number within five minutes of `nowMs`.
 *
 * @throws WebhookVerificationError `webhook-timestamp-invalid`, `webhook-timestamp-too-old`,
 *   `webhook-timestamp-too-new`
 */
export function checkWebhookTimestamp(header: string, nowMs: number): number {
  if (!TIMESTAMP.test(header)) {
    throw new WebhookVerificationError(
      "webhook-timestamp-invalid",
      "The webhook timestamp header is not a whole number of seconds.",
    );
  }
  const signedAt = Number(header);
  const nowSeconds = Math.floor(nowMs / 1000);
  if (nowSeconds - signedAt > TOLERANCE_SECONDS) {
    throw new WebhookVerificationError(
      "webhook-timestamp-too-old",
      "The webhook timestamp is more than 5 minutes in the past.",
    );
  }
  if (signedAt - nowSeconds > TOLERANCE_SECONDS) {
    throw new WebhookVerificationError(
      "webhook-timestamp-too-new",
      "The webhook timestamp is more than 5 minutes in the future.",
    );
  }
  return signedAt;
}
