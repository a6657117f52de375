import { tokenVerifierFor } from "./internal/token-verifier-for.js";
import type { JwtPayload } from "./jwt-payload.js";
import type { VerifyTokenOptions } from "./verify-token-options.js";

/**
 * Verifies a session token (RS256/384/512) and returns its claims.
 *
 * The key comes from `jwtKey` (no network) or from the Backend API's JWKS (`apiUrl` +
 * `secretKey`, cached 5 minutes; an unknown `kid` refetches at most once per 30 s). The signature
 * is checked before any claim. Tokens that passed are remembered until they expire, so verifying
 * the same token again costs no signature check.
 *
 * @throws {TokenVerificationError} `token-invalid`, `token-invalid-algorithm`,
 *   `token-invalid-signature`, `token-expired`, `token-not-active-yet`, `token-iat-in-the-future`,
 *   `token-verification-failed` (no `sub`, bad `aud`), `token-invalid-authorized-parties`,
 *   `jwk-kid-mismatch`, `jwk-local-missing`, `jwk-remote-failed-to-load`, `jwk-remote-invalid`,
 *   `jwk-remote-missing`, `jwk-failed-to-resolve`, `secret-key-invalid`.
 * @example
 * ```ts
 * const claims = await verifyToken(token, {
 *   jwtKey: process.env.CLERK_JWT_KEY,
 *   authorizedParties: ["https://app.example.com"],
 * });
 * console.log(claims.sub, claims.sid);
 * ```
 */
export async function verifyToken(token: string, options: VerifyTokenOptions): Promise<JwtPayload> {
  const verification = await tokenVerifierFor(options).verify(token, options);
  if (verification.ok) return verification.claims;
  throw verification.error;
}
