import type { JwtPayload } from "../jwt-payload.js";
import { TokenVerificationError } from "../token-verification-error.js";
import type { VerifyTokenOptions } from "../verify-token-options.js";
import type { VerifiedToken } from "./verified-token-cache.js";

/** What a caller asks of a token beyond its signature: read from the call's own options. */
export type ClaimChecks = Pick<
  VerifyTokenOptions,
  "authorizedParties" | "audience" | "clockSkewInMs" | "now"
>;

const DEFAULT_CLOCK_SKEW_MS = 5000;

/**
 * Checks a signature-verified token against one call's options: `azp` among
 * `authorizedParties`, `aud` among `audience`, then `exp`, `nbf` and `iat` against the clock
 * (with `clockSkewInMs`). Runs on every call, for cached tokens too, so a token accepted for one
 * caller's options is refused under another's, and a cached token still expires.
 */
export function checkClaims(
  entry: VerifiedToken,
  checks: ClaimChecks,
): { ok: true; claims: JwtPayload } | { ok: false; error: TokenVerificationError } {
  const claims = entry.payload;
  const parties = checks.authorizedParties;
  if (parties !== undefined && parties.length > 0) {
    const azp = claims.azp;
    if (typeof azp !== "string" || !parties.includes(azp)) {
      return refuse(
        "token-invalid-authorized-parties",
        "The token's authorized party (azp) is not one of the authorizedParties.",
      );
    }
  }
  const audience = checks.audience;
  if (audience !== undefined && !grantsAudience(claims.aud, audience)) {
    return refuse("token-verification-failed", "The token's audience (aud) does not match.");
  }
  const now = checks.now === undefined ? Date.now() : checks.now();
  const skew = checks.clockSkewInMs ?? DEFAULT_CLOCK_SKEW_MS;
  if (entry.expMs <= now - skew) return refuse("token-expired", "The token has expired.");
  if (entry.nbfMs > now + skew) {
    return refuse("token-not-active-yet", "The token is not active yet (nbf).");
  }
  if (entry.iatMs > now + skew) {
    return refuse("token-iat-in-the-future", "The token was issued in the future (iat).");
  }
  return { ok: true, claims };
}

/** True when `wanted` is empty, or the token's `aud` (a string or a list) holds one of it. */
function grantsAudience(aud: unknown, wanted: string | string[]): boolean {
  if (typeof wanted === "string") {
    return aud === wanted || (Array.isArray(aud) && aud.includes(wanted));
  }
  if (wanted.length === 0) return true;
  if (typeof aud === "string") return wanted.includes(aud);
  return Array.isArray(aud) && aud.some((value) => wanted.includes(value as string));
}

function refuse(
  code: TokenVerificationError["code"],
  message: string,
): { ok: false; error: TokenVerificationError } {
  return { ok: false, error: new TokenVerificationError(code, message) };
}
