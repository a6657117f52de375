import { createHash, randomBytes } from "node:crypto";

/**
 * A new client token: 32 random bytes, base64url (43 characters). It is the value of the
 * `__client` cookie (or of a native app's `Authorization` header); only its digest is stored.
 *
 * @example
 * const token = newClientToken(); await store.createClient({ tokenHash: hashClientToken(token) });
 */
export function newClientToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * SHA-256 (hex) of a client token: the only form in which the store keeps it, and the key it is
 * looked up by. A high-entropy token needs no salt or slow hash.
 *
 * @example
 * const client = await store.getClientByTokenHash(hashClientToken(cookieValue));
 */
export function hashClientToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when a value has the shape of a token we issue (43 base64url characters). */
export function looksLikeClientToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
