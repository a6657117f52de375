/** The rate-limit part of the {@link Store}: fixed-window counters every process shares. */

/** One hit to count in a window's bucket. */
export interface RateLimitHit {
  /** Rule name, e.g. `sign_in_ip`. */
  rule: string;
  /** SHA-256 digest (hex) of the limited key; never the key itself. */
  keyHash: string;
  /** Start of the window, epoch ms. */
  windowStart: number;
  /** End of the window, epoch ms; the bucket may be deleted after it. */
  expiresAt: number;
  /** Hits the bucket accepts; a full bucket is left as it is. */
  limit: number;
}

export interface RateLimitStore {
  /**
   * Counts one hit in a bucket in one atomic statement, unless the bucket already holds `limit`
   * hits. Concurrent callers (in any process) never push a bucket past its limit.
   * @returns the bucket's new count, or null when it was full
   */
  incrementRateLimitBucket(hit: RateLimitHit): Promise<number | null>;
  /** Deletes buckets whose window ended at or before `now`; returns how many. */
  deleteExpiredRateLimitBuckets(now: number): Promise<number>;
}
