import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { ApiError } from "../errors/api-error.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../store/test-databases.test-helpers.js";
import { createRateLimiter } from "./create-rate-limiter.js";
import { RATE_LIMIT_RULES, type RateLimitRule } from "./rate-limit-rules.js";

/** A window boundary: 2026-01-01T00:00:00Z is a multiple of 60 s and of 600 s. */
const START = 1_767_225_600_000;
const rule: RateLimitRule = { name: "test_rule", limit: 3, windowSeconds: 60 };

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("rate limiter", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;

    it("allows `limit` hits per key and window, then refuses with the seconds left", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      for (let i = 0; i < 3; i++) {
        expect(await limiter.consume(rule, "203.0.113.7")).toEqual({ allowed: true });
      }
      clock.advance(15_500);
      expect(await limiter.consume(rule, "203.0.113.7")).toEqual({
        allowed: false,
        retryAfterSeconds: 45,
      });
      // Another key, and the same key under another rule, have their own counters.
      expect(await limiter.consume(rule, "203.0.113.8")).toEqual({ allowed: true });
      expect(await limiter.consume({ ...rule, name: "other_rule" }, "203.0.113.7")).toEqual({
        allowed: true,
      });
    });

    it("starts a new window when the clock reaches its end", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      clock.advance(59_000);
      for (let i = 0; i < 3; i++) await limiter.consume(rule, "key");
      expect(await limiter.consume(rule, "key")).toEqual({ allowed: false, retryAfterSeconds: 1 });
      clock.advance(999);
      expect((await limiter.consume(rule, "key")).allowed).toBe(false);
      clock.advance(1);
      expect(await limiter.consume(rule, "key")).toEqual({ allowed: true });
    });

    it("does not count refused hits, so backing off is enough", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      for (let i = 0; i < 10; i++) await limiter.consume(rule, "key");
      const rows = await ctx.db.query<{ count: number }>(
        "SELECT count FROM rate_limit_buckets WHERE rule = $1",
        [rule.name],
      );
      expect(rows.map((row) => Number(row.count))).toEqual([3]);
    });

    it("stores the SHA-256 of keys, never the key itself", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      await limiter.consume(RATE_LIMIT_RULES.signInIdentifier, "ada@example.com");
      const rows = await ctx.db.query("SELECT * FROM rate_limit_buckets");
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain("ada@example.com");
      expect(rows[0]?.key_hash).toBe(createHash("sha256").update("ada@example.com").digest("hex"));
      expect(Number(rows[0]?.expires_at)).toBe(START + 60_000);
    });

    it("never lets concurrent hits past the limit", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      const wide: RateLimitRule = { name: "wide", limit: 7, windowSeconds: 60 };
      const verdicts = await Promise.all(
        Array.from({ length: 25 }, () => limiter.consume(wide, "burst")),
      );
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(7);
    });

    it("shares counts between store instances on the same database", async () => {
      const sibling = await ctx.openSiblingStore();
      const a = createRateLimiter({ store: ctx.store, clock });
      const b = createRateLimiter({ store: sibling, clock });
      const wide: RateLimitRule = { name: "shared", limit: 10, windowSeconds: 60 };
      expect((await a.consume(wide, "k")).allowed).toBe(true);
      expect((await b.consume(wide, "k")).allowed).toBe(true);
      const verdicts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).consume(wide, "k")),
      );
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(8);
      expect((await a.consume(wide, "k")).allowed).toBe(false);
      expect((await b.consume(wide, "k")).allowed).toBe(false);
    });

    it("enforce throws too_many_requests with meta.retry_after", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      const single: RateLimitRule = { name: "single", limit: 1, windowSeconds: 600 };
      await limiter.enforce(single, "k");
      clock.advance(100_000);
      const error = await limiter.enforce(single, "k").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("too_many_requests");
      expect((error as ApiError).status).toBe(429);
      expect((error as ApiError).meta).toEqual({ retry_after: 500 });
    });

    it("deletes ended windows, on demand and periodically while consuming", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock, pruneIntervalMs: 120_000 });
      await limiter.consume(rule, "a"); // first call prunes (nothing yet) and counts
      await limiter.consume({ ...rule, name: "long", windowSeconds: 600 }, "a");
      const count = async () =>
        Number(
          (await ctx.db.query<{ n: number }>("SELECT count(*) AS n FROM rate_limit_buckets"))[0]?.n,
        );
      expect(await count()).toBe(2);
      clock.advance(60_000);
      expect(await limiter.prune()).toBe(1);
      expect(await count()).toBe(1);
      await limiter.consume(rule, "b"); // within the interval: no pruning
      clock.advance(600_000);
      await limiter.consume(rule, "c"); // interval elapsed: prunes "long" and "b" first
      const rows = await ctx.db.query("SELECT window_start FROM rate_limit_buckets");
      expect(rows.map((row) => Number(row.window_start))).toEqual([START + 660_000]);
    });

    it("refuses malformed rules at the call site", async () => {
      const limiter = createRateLimiter({ store: ctx.store, clock });
      await expect(
        limiter.consume({ name: "bad", limit: 0, windowSeconds: 60 }, "k"),
      ).rejects.toThrow(/limit must be a positive integer/);
      await expect(
        limiter.consume({ name: "bad", limit: 1, windowSeconds: 0.5 }, "k"),
      ).rejects.toThrow(/windowSeconds/);
    });
  });
}

describe("the predefined rules", () => {
  it("have unique names and sane limits", () => {
    const rules = Object.values(RATE_LIMIT_RULES);
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    for (const r of rules) {
      expect(Number.isInteger(r.limit) && r.limit > 0).toBe(true);
      expect(Number.isInteger(r.windowSeconds) && r.windowSeconds > 0).toBe(true);
    }
  });
});
