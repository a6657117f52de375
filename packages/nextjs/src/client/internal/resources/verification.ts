import type { ClerkAPIError } from "@latchkey/backend";
import type { VerificationJson } from "./fapi-json.js";
import { toDate } from "./resource-host.js";

/** A sign-in or sign-up step's verification (Clerk's `VerificationResource`, the parts apps read). */
export interface Verification {
  /** `unverified`, `verified`, `failed`, `expired`, or `transferable` (OAuth: the other flow). */
  status: string;
  strategy: string;
  attempts: number | null;
  expireAt: Date | null;
  /** OAuth: the provider's page the browser goes to; null once used or for other strategies. */
  externalVerificationRedirectURL: URL | null;
  /** Why the verification failed or is transferable (`oauth_access_denied`…), when it says. */
  error: ClerkAPIError | null;
}

function errorFrom(json: VerificationJson["error"]): ClerkAPIError | null {
  if (!json) return null;
  return {
    code: json.code,
    message: json.message ?? "",
    longMessage: json.long_message ?? "",
    meta: json.meta ?? {},
  };
}

function urlFrom(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Converts a verification from the wire (null stays null).
 *
 * @example
 * verification(json.first_factor_verification)?.externalVerificationRedirectURL?.href;
 */
export function verification(json: VerificationJson | null | undefined): Verification | null {
  if (!json) return null;
  return {
    status: json.status,
    strategy: json.strategy,
    attempts: json.attempts ?? null,
    expireAt: toDate(json.expire_at),
    externalVerificationRedirectURL: urlFrom(json.external_verification_redirect_url),
    error: errorFrom(json.error),
  };
}
