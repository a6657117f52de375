import { createHash } from "node:crypto";
import { type Clock, systemClock } from "../clock.js";
import type { RateLimitStore } from "../store/rate-limit-store.js";
import { rateLimitError } from "./rate-limit-error.js";
import type { RateLimitRule } from "./rate-limit-rules.js";

/** The answer of {@link RateLimiter.consume}. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests against {@link RateLimitRule}s in the shared database. */
export interface RateLimiter {
  /**
   * Counts one hit of `key` (an IP address, a normalised identifier) against `rule`.
   * @returns `{ allowed: true }`, or the seconds until the current window ends
   */
  consume(rule: RateLimitRule, key: string): Promise<RateLimitVerdict>;
  /**
   * {@link RateLimiter.consume}, throwing when the hit is refused.
   * @throws `too_many_requests` with `meta.retry_after`
   */
  enforce(rule: RateLimitRule, key: string): Promise<void>;
  /** Deletes buckets of windows that have ended; returns how many. */
  prune(): Promise<number>;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  store: RateLimitStore;
  clock?: Clock;
  /** How often `consume` also deletes ended windows, in ms; default 5 minutes. */
  pruneIntervalMs?: number;
}

const DEFAULT_PRUNE_INTERVAL_MS = 5 * 60 * 1000;

/** SHA-256 of the key, so identifiers such as email addresses are never stored in clear. */
function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

function assertRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new Error(`Rate-limit rule ${rule.name}: limit must be a positive integer.`);
  }
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`Rate-limit rule ${rule.name}: windowSeconds must be a positive integer.`);
  }
}

/**
 * Builds a rate limiter over the store's shared counters, so every process of an instance (one
 * PostgreSQL, or the embedded PGlite) sees the same counts.
 *
 * Windows are **fixed**: the clock is cut into windows of `windowSeconds` aligned on the epoch,
 * and each (rule, key, window) has one counter incremented by a single atomic upsert that stops
 * at the limit. Chosen over a sliding window because it costs one row and one statement per hit,
 * stays exact under concurrency across processes, and needs no read-modify-write; the price is
 * that a burst straddling a window boundary may see up to twice the limit in one window's length,
 * which is acceptable for abuse protection (lockouts still bound guessing). Refused hits are not
 * counted, so a client that backs off is served again as soon as the window ends.
 *
 * Keys are hashed (SHA-256) before storage. Ended windows are deleted by {@link RateLimiter.prune},
 * which `consume` also runs at most once per `pruneIntervalMs` in each process.
 *
 * @throws `too_many_requests` from {@link RateLimiter.enforce} only
 * @example
 * const limiter = createRateLimiter({ store, clock });
 * const verdict = await limiter.consume({ name: "sign_in_ip", limit: 30, windowSeconds: 60 }, ip);
 * if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const pruneIntervalMs = options.pruneIntervalMs ?? DEFAULT_PRUNE_INTERVAL_MS;
  let lastPruneAt: number | null = null;

  const prune = () => store.deleteExpiredRateLimitBuckets(clock.now());

  const consume = async (rule: RateLimitRule, key: string): Promise<RateLimitVerdict> => {
    assertRule(rule);
    const now = clock.now();
    if (lastPruneAt === null || now - lastPruneAt >= pruneIntervalMs) {
      lastPruneAt = now;
      await prune();
    }
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const windowEnd = windowStart + windowMs;
    const count = await store.incrementRateLimitBucket({
      rule: rule.name,
      keyHash: hashKey(key),
      windowStart,
      expiresAt: windowEnd,
      limit: rule.limit,
    });
    if (count !== null) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
  };

  return {
    consume,
    async enforce(rule, key) {
      const verdict = await consume(rule, key);
      if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
    },
    prune,
  };
}
