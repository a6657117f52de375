/** A limit: at most `limit` hits per key in each fixed window of `windowSeconds`. */
export interface RateLimitRule {
  /** Stable name, stored with each bucket (`sign_in_ip`). Two rules must not share a name. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * The Frontend API's limits, per client IP address and per identifier (a normalised email
 * address, username or phone number). A request is counted against both its IP rule and its
 * identifier rule; the first one exhausted answers `too_many_requests`.
 *
 * | rule                         | limit | window | guards against                               |
 * |------------------------------|------:|-------:|----------------------------------------------|
 * | `sign_in_ip`                 |    30 |   60 s | one address trying many accounts             |
 * | `sign_in_identifier`         |    10 |   60 s | many addresses trying one account            |
 * | `sign_up_ip`                 |    20 |   60 s | mass account creation                        |
 * | `sign_up_identifier`         |     5 |   60 s | sign-up attempts hammering one address       |
 * | `verification_send_ip`       |    20 |  600 s | code emails sent as spam from one address    |
 * | `verification_send_identifier` |   5 |  600 s | one inbox flooded with codes                 |
 * | `verification_attempt_ip`    |    60 |   60 s | code guessing across many attempts           |
 * | `verification_attempt_identifier` | 10 | 60 s | code guessing on one address (with lockout)  |
 *
 * The per-identifier attempt rule complements, not replaces, the lockout after
 * `maxVerificationAttempts` failed attempts.
 *
 * @example
 * const verdict = await limiter.consume(RATE_LIMIT_RULES.signInIp, clientIp);
 */
export const RATE_LIMIT_RULES = {
  signInIp: { name: "sign_in_ip", limit: 30, windowSeconds: 60 },
  signInIdentifier: { name: "sign_in_identifier", limit: 10, windowSeconds: 60 },
  signUpIp: { name: "sign_up_ip", limit: 20, windowSeconds: 60 },
  signUpIdentifier: { name: "sign_up_identifier", limit: 5, windowSeconds: 60 },
  verificationSendIp: { name: "verification_send_ip", limit: 20, windowSeconds: 600 },
  verificationSendIdentifier: {
    name: "verification_send_identifier",
    limit: 5,
    windowSeconds: 600,
  },
  verificationAttemptIp: { name: "verification_attempt_ip", limit: 60, windowSeconds: 60 },
  verificationAttemptIdentifier: {
    name: "verification_attempt_identifier",
    limit: 10,
    windowSeconds: 60,
  },
} as const satisfies Record<string, RateLimitRule>;
