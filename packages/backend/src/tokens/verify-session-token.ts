import type { JwtPayload } from "./jwt-payload.js";
import { verifyToken } from "./verify-token.js";
import type { VerifyTokenOptions } from "./verify-token-options.js";

/**
 * Verifies a session token without asking the Backend API about it: the older name of
 * {@link verifyToken}, with the same options, result and errors (the key comes from `jwtKey`, or
 * from the JWKS fetched once and cached). Kept for code written against older Clerk SDKs.
 *
 * @throws {TokenVerificationError} the codes of {@link verifyToken}: `token-expired`,
 *   `token-invalid-signature`, `token-invalid-authorized-parties`, `jwk-kid-mismatch`…
 * @example
 * ```ts
 * const claims = await verifySessionToken(token, { jwtKey: process.env.CLERK_JWT_KEY });
 * console.log(claims.sub, claims.sid);
 * ```
 */
export function verifySessionToken(
  token: string,
  options: VerifyTokenOptions,
): Promise<JwtPayload> {
  return verifyToken(token, options);
}
