import type { FactorVerification } from "../store/frontend-store.js";

const OBJECT_BY_STRATEGY: Record<string, string> = {
  password: "verification_password",
  email_code: "verification_otp",
  totp: "verification_totp",
  backup_code: "verification_backup_code",
};

/**
 * Serialises a sign-in or sign-up verification (`{ object, status, strategy, attempts, expire_at }`;
 * OAuth ones add `external_verification_redirect_url` and `error`). Codes and the address id the
 * code went to are never part of it.
 *
 * @example
 * frontendVerificationJson({ strategy: "email_code", status: "unverified", attempts: 0, expireAt });
 */
export function frontendVerificationJson(verification: FactorVerification | null) {
  if (verification === null) return null;
  const base = {
    object: OBJECT_BY_STRATEGY[verification.strategy] ?? "verification_otp",
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expireAt,
  };
  if (!verification.strategy.startsWith("oauth_")) return base;
  const { error } = verification;
  return {
    ...base,
    object: "verification_oauth",
    external_verification_redirect_url: verification.externalVerificationRedirectUrl ?? null,
    error:
      error == null
        ? null
        : { code: error.code, message: error.message, long_message: error.longMessage, meta: {} },
  };
}
