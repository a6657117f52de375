import { randomBytes } from "node:crypto";
import { ApiError } from "../errors/api-error.js";

const PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Key sizes accepted for a `whsec_` secret, in bytes (Standard Webhooks: 24 to 64). */
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/**
 * Mints a new endpoint signing secret: `whsec_` followed by base64 of 24 random bytes.
 *
 * @example
 * generateWebhookSecret(); // "whsec_9mQ2…"
 */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(MIN_KEY_BYTES).toString("base64")}`;
}

/**
 * The HMAC key of a `whsec_…` secret: the bytes of its base64 part.
 *
 * @throws ApiError `form_param_format_invalid` (`secret`) when the secret is malformed; the message
 *   never contains the secret
 * @example
 * const key = webhookSecretKey(generateWebhookSecret()); // 24 bytes
 */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : "";
  const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "secret",
      longMessage: `secret must be "${PREFIX}" followed by base64 of ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes.`,
    });
  }
  return key;
}
