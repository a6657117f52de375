import { BackendError } from "../errors/backend-error.js";

/**
 * Why a token was refused. The same strings as Clerk's `TokenVerificationErrorReason`.
 */
export type TokenVerificationErrorReason =
  | "token-expired"
  | "token-invalid"
  | "token-invalid-algorithm"
  | "token-invalid-authorized-parties"
  | "token-invalid-signature"
  | "token-not-active-yet"
  | "token-iat-in-the-future"
  | "token-verification-failed"
  | "secret-key-invalid"
  | "jwk-local-missing"
  | "jwk-remote-failed-to-load"
  | "jwk-remote-invalid"
  | "jwk-remote-missing"
  | "jwk-failed-to-resolve"
  | "jwk-kid-mismatch";

/**
 * Thrown by {@link verifyToken} when a token is not accepted. `reason` (also `code`) says why.
 *
 * @example
 * ```ts
 * try {
 *   await verifyToken(token, { jwtKey });
 * } catch (err) {
 *   if (err instanceof TokenVerificationError && err.reason === "token-expired") renew();
 * }
 * ```
 */
export class TokenVerificationError extends BackendError<TokenVerificationErrorReason> {
  /** Clerk's name for {@link BackendError.code}. */
  get reason(): TokenVerificationErrorReason {
    return this.code;
  }
}
