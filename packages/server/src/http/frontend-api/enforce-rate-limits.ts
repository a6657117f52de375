import { rateLimitError } from "../../rate-limits/rate-limit-error.js";
import type { RateLimitRule } from "../../rate-limits/rate-limit-rules.js";
import type { FrontendApiConfig } from "./define-frontend-route.js";

/**
 * Counts a request against each (rule, key) pair — typically one per IP and one per identifier —
 * and refuses it when any is exhausted. Keys that are null (no identifier yet) are skipped;
 * identifiers are compared case-insensitively.
 *
 * @throws `too_many_requests` (429, `Retry-After`)
 * @example
 * await enforceRateLimits(frontend, [
 *   [RATE_LIMIT_RULES.signInIp, frontend.clientIp],
 *   [RATE_LIMIT_RULES.signInIdentifier, body.identifier],
 * ]);
 */
export async function enforceRateLimits(
  frontend: Pick<FrontendApiConfig, "rateLimiter">,
  hits: ReadonlyArray<readonly [RateLimitRule, string | null | undefined]>,
): Promise<void> {
  for (const [rule, key] of hits) {
    if (key === null || key === undefined || key === "") continue;
    const verdict = await frontend.rateLimiter.consume(rule, key.trim().toLowerCase());
    if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
  }
}
