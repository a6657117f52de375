import type { ApiError } from "../../../../errors/api-error.js";
import type { FactorVerification } from "../../../../store/frontend-store.js";

/**
 * An OAuth verification after the provider answered: `verified`, `failed` with the error, or
 * `transferable` (the account belongs on the other side: sign-up ↔ sign-in) with the reason.
 *
 * @example
 * oauthVerification(current, "failed", new ApiError("oauth_access_denied"));
 */
export function oauthVerification(
  current: FactorVerification | null,
  status: "verified" | "failed" | "transferable",
  error: ApiError | null = null,
): FactorVerification {
  return {
    strategy: current?.strategy ?? "oauth",
    status,
    attempts: null,
    expireAt: current?.expireAt ?? null,
    externalVerificationRedirectUrl: null,
    error:
      error === null
        ? null
        : { code: error.code, message: error.message, longMessage: error.longMessage },
  };
}
