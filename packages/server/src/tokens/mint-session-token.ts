import { type SessionTokenClaimsInput, sessionTokenClaims } from "./session-token-claims.js";
import type { SigningKeyRing } from "./signing-key-ring.js";

/**
 * Mints a session token: the v2 claims of {@link sessionTokenClaims}, signed RS256 with the
 * instance's current key. Checks nothing about the session; callers refuse inactive sessions.
 * This is the minting hot path (no database access once the key ring is loaded).
 *
 * @example
 * const jwt = await mintSessionToken(signingKeys, {
 *   session, issuer: "https://x.test/__clerk", now: Date.now(), lifetimeSeconds: 60,
 * });
 */
export function mintSessionToken(
  signingKeys: SigningKeyRing,
  input: SessionTokenClaimsInput,
): Promise<string> {
  return signingKeys.sign(sessionTokenClaims(input), input.lifetimeSeconds);
}
