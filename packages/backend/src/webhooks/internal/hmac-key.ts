import { WebhookVerificationError } from "../webhook-verification-error.js";
import { decodeBase64 } from "./base64.js";

const SECRET_PREFIX = "whsec_";

/** How many imported keys to keep; an app rarely verifies with more than one or two secrets. */
export const HMAC_KEY_CACHE_SIZE = 16;

const cache = new Map<string, Promise<CryptoKey>>();

/**
 * Returns the HMAC-SHA256 key for a `whsec_…` secret (prefix optional), importing it at most once
 * while it stays among the most recently used secrets.
 *
 * @throws WebhookVerificationError `webhook-missing-secret`, `webhook-invalid-secret`
 */
export function getHmacKey(secret: string): Promise<CryptoKey> {
  const cached = cache.get(secret);
  if (cached) {
    // Refresh recency: Map iteration order is insertion order.
    cache.delete(secret);
    cache.set(secret, cached);
    return cached;
  }

  const keyBytes = decodeSecret(secret);
  const imported = globalThis.crypto.subtle
    .importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
    .catch((cause: unknown) => {
      cache.delete(secret);
      throw new WebhookVerificationError(
        "webhook-invalid-secret",
        "The webhook signing secret could not be used as an HMAC key.",
        { cause },
      );
    });

  if (cache.size >= HMAC_KEY_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(secret, imported);
  return imported;
}

function decodeSecret(secret: string): Uint8Array<ArrayBuffer> {
  if (secret.length === 0) {
    throw new WebhookVerificationError(
      "webhook-missing-secret",
      "The webhook signing secret is empty.",
    );
  }
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const bytes = decodeBase64(encoded);
  if (bytes === undefined || bytes.length === 0) {
    throw new WebhookVerificationError(
      "webhook-invalid-secret",
      "The webhook signing secret must be base64, optionally prefixed with `whsec_` (copy it from the webhook endpoint settings).",
    );
  }
  return bytes;
}
