import type { RateLimitStore } from "../rate-limit-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** The rate-limit part of the SQL store. */
export function sqlRateLimitMethods({ db }: SqlStoreContext): RateLimitStore {
  return {
    async incrementRateLimitBucket(hit) {
      if (hit.limit < 1) return null;
      // One statement: the first hit inserts the bucket; later hits lock the row and add one
      // only while it is below the limit. A full bucket updates nothing, so no row comes back.
      const rows = await db.query<{ count: number }>(
        `INSERT INTO rate_limit_buckets AS b (rule, key_hash, window_start, count, expires_at)
         VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (rule, key_hash, window_start)
         DO UPDATE SET count = b.count + 1 WHERE b.count < $5
         RETURNING count`,
        [hit.rule, hit.keyHash, hit.windowStart, hit.expiresAt, hit.limit],
      );
      return rows[0] === undefined ? null : Number(rows[0].count);
    },

    async deleteExpiredRateLimitBuckets(now) {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM rate_limit_buckets WHERE expires_at <= $1 RETURNING 1)
         SELECT count(*) AS n FROM gone`,
        [now],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
