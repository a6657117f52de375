import { randomBytes } from "node:crypto";

/**
 * An unguessable value for an OAuth `state` or an OpenID Connect `nonce`: 32 random bytes,
 * base64url (43 characters).
 *
 * @example
 * const state = newOAuthState();
 * const nonce = newOAuthState();
 */
export function newOAuthState(): string {
  return randomBytes(32).toString("base64url");
}
