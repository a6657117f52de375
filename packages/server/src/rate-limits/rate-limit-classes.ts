import { RATE_LIMIT_RULES, type RateLimitRule } from "./rate-limit-rules.js";

/**
 * The Frontend API's rate-limit classes: what a request does (sign in, sign up, send or try a
 * code). Each counts a request against a per-IP rule and then a per-identifier rule.
 *
 * @example
 * const [ipRule, identifierRule] = RATE_LIMIT_CLASSES.sign_in;
 */
export const RATE_LIMIT_CLASSES = {
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
