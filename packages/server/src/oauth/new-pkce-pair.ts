import { createHash, randomBytes } from "node:crypto";

/**
 * A fresh PKCE pair (RFC 7636, method S256): keep `verifier` with the sign-in attempt, send
 * `challenge` in the authorization URL.
 *
 * @example
 * const { verifier, challenge } = newPkcePair();
 * // challenge === base64url(sha256(verifier))
 */
export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier, "ascii").digest("base64url");
  return { verifier, challenge };
}
