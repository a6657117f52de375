/**
 * User lists stay fast at 100,000 users (measured in `bench/console.bench.ts`) because their
 * searches, orders and filters can be served by the indexes of migration 0017. The planner picks
 * them only on large tables, so these tests forbid sequential scans and read the plan: a change to
 * the search expression or an order that no index serves shows here, not in production.
 */
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import type { Database } from "../database.js";
import type { UserFilter, UserPage } from "../store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";
import { SqlParams } from "./sql-params.js";
import { userFilterSql, userOrderSql } from "./user-filter-sql.js";

/** The plan of the list query for a filter and order, with sequential scans turned off. */
async function plan(
  db: Database,
  filter: UserFilter,
  orderBy: UserPage["orderBy"],
): Promise<string> {
  const params = new SqlParams();
  const where = userFilterSql(filter, params);
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL enable_seqscan = off");
    const rows = await tx.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT u.id FROM users u WHERE ${where} ORDER BY ${userOrderSql(orderBy)} LIMIT 50`,
      params.values,
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

const NEWEST: UserPage["orderBy"] = { field: "created_at", direction: "desc" };

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("user list indexes", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target);

    it("searches users, their addresses and phone numbers through trigram indexes", async () => {
      const text = await plan(ctx.db, { query: "ada@exam" }, NEWEST);
      expect(text).toContain("users_search_text_trgm_idx");
      expect(text).toContain("email_addresses_trgm_idx");
      expect(text).toContain("phone_numbers_trgm_idx");
      expect(await plan(ctx.db, { emailAddressQuery: "ada@" }, NEWEST)).toContain(
        "email_addresses_trgm_idx",
      );
    });

    it("walks an index for each order the console offers, and for the banned and locked filters", async () => {
      expect(await plan(ctx.db, {}, NEWEST)).toContain("users_created_at_idx");
      expect(await plan(ctx.db, {}, { field: "created_at", direction: "asc" })).toContain(
        "users_created_at_idx",
      );
      expect(await plan(ctx.db, {}, { field: "last_sign_in_at", direction: "desc" })).toContain(
        "users_last_sign_in_at_idx",
      );
      expect(await plan(ctx.db, {}, { field: "last_name", direction: "asc" })).toContain(
        "users_last_name_idx",
      );
      expect(await plan(ctx.db, { banned: true }, NEWEST)).toContain("users_banned_idx");
      expect(
        await plan(ctx.db, { locked: { locked: true, now: ctx.clock.now() } }, NEWEST),
      ).toContain("users_locked_idx");
    });

    it("still finds by substring, case-insensitively, across the searched fields", async () => {
      const ada = await ctx.store.createUser({
        firstName: "Ada",
        lastName: "Lovelace",
        username: "countess",
        externalId: "ext-1815",
        emailAddresses: [{ emailAddress: "ada@analytical.example", status: "verified" }],
      });
      await ctx.store.createUser({
        firstName: "Grace",
        emailAddresses: [{ emailAddress: "g@x.example", status: "verified" }],
      });
      const page: UserPage = { limit: 10, offset: 0, orderBy: NEWEST };
      for (const query of ["ADA LOVE", "countess", "EXT-18", "analytical", ada.id.slice(3, 12)]) {
        const found = await ctx.store.listUsers({ query }, page);
        expect(
          found.map((user) => user.id),
          query,
        ).toEqual([ada.id]);
      }
      expect(await ctx.store.countUsers({ query: "lovelace" })).toBe(1);
      // The separator between fields is never matched.
      expect(await ctx.store.countUsers({ query: "countess ext" })).toBe(0);
    });
  });
}
