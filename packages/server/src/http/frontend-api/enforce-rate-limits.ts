import { rateLimitError } from "../../rate-limits/rate-limit-error.js";
import { RATE_LIMIT_RULES, type RateLimitRule } from "../../rate-limits/rate-limit-rules.js";
import type { FrontendApiConfig } from "./frontend-api-config.js";

/** The Frontend API's rate-limit classes: each counts a request per client IP and per identifier. */
const RATE_LIMIT_CLASSES = {
  sign_in: [RATE_LIMIT_RULES.signInIp, RATE_LIMIT_RULES.signInIdentifier],
  sign_up: [RATE_LIMIT_RULES.signUpIp, RATE_LIMIT_RULES.signUpIdentifier],
  verification_send: [
    RATE_LIMIT_RULES.verificationSendIp,
    RATE_LIMIT_RULES.verificationSendIdentifier,
  ],
  verification_attempt: [
    RATE_LIMIT_RULES.verificationAttemptIp,
    RATE_LIMIT_RULES.verificationAttemptIdentifier,
  ],
} as const satisfies Record<string, readonly [RateLimitRule, RateLimitRule]>;

/** A rate-limit class: what a request does (sign in, sign up, send or try a code). */
export type RateLimitClass = keyof typeof RATE_LIMIT_CLASSES;

/**
 * Counts a request against its class's per-IP rule (the address the client-address middleware
 * resolved) and then its per-identifier rule, and refuses it when either is exhausted. A missing
 * identifier (none yet) skips that rule; identifiers are compared case-insensitively.
 *
 * @throws `too_many_requests` (429, `Retry-After`)
 * @example
 * await enforceRateLimits(frontend, "sign_in", body.identifier);
 */
export async function enforceRateLimits(
  frontend: Pick<FrontendApiConfig, "rateLimiter" | "clientIp">,
  kind: RateLimitClass,
  identifier: string | null | undefined,
): Promise<void> {
  const [ipRule, identifierRule] = RATE_LIMIT_CLASSES[kind];
  for (const [rule, key] of [
    [ipRule, frontend.clientIp],
    [identifierRule, identifier],
  ] as const) {
    if (key === null || key === undefined || key === "") continue;
    const verdict = await frontend.rateLimiter.consume(rule, key.trim().toLowerCase());
    if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
  }
}
