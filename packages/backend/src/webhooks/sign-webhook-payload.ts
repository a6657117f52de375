import { encodeBase64 } from "./internal/base64.js";
import { computeSignature } from "./internal/compute-signature.js";
import { getHmacKey } from "./internal/hmac-key.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/**
 * Arguments of {@link signWebhookPayload}.
 *
 * @example
 * ```ts
 * const params: SignWebhookPayloadParams = { id: "msg_1", timestamp: 1716883200, payload, secret };
 * ```
 */
export interface SignWebhookPayloadParams {
  /** The message id sent as `svix-id`. */
  id: string;
  /** Unix time in whole seconds, sent as `svix-timestamp`. */
  timestamp: number;
  /** The exact body that will be sent. */
  payload: string | Uint8Array;
  /** The endpoint's signing secret, `whsec_…` (the prefix is optional). */
  secret: string;
}

/**
 * Signs a webhook payload, returning the `v1,<base64>` value for the `svix-signature` header.
 *
 * @throws WebhookVerificationError `webhook-missing-secret`, `webhook-invalid-secret`,
 *   `webhook-timestamp-invalid` (timestamp not a non-negative whole number of seconds)
 * @example
 * ```ts
 * const body = JSON.stringify(event);
 * const timestamp = Math.floor(Date.now() / 1000);
 * const signature = await signWebhookPayload({ id: "msg_1", timestamp, payload: body, secret });
 * await fetch(endpoint, {
 *   method: "POST",
 *   body,
 *   headers: { "svix-id": "msg_1", "svix-timestamp": String(timestamp), "svix-signature": signature },
 * });
 * ```
 */
export async function signWebhookPayload(params: SignWebhookPayloadParams): Promise<string> {
  const { id, timestamp, payload, secret } = params;
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new WebhookVerificationError(
      "webhook-timestamp-invalid",
      "The webhook timestamp must be a non-negative whole number of seconds.",
    );
  }
  const key = await getHmacKey(secret);
  const mac = await computeSignature(key, id, String(timestamp), payload);
  return `v1,${encodeBase64(mac)}`;
}
