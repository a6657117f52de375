/**
 * Faults: PostgreSQL drops every connection of the instance while requests are in flight (the
 * shared server cannot be restarted here, so its backends for the instance's own fresh database
 * are terminated with `pg_terminate_backend`, twice). Requests caught by it fail cleanly — a coded
 * 5xx in Clerk's envelope, never a dropped connection or a crashed process — and the instance
 * recovers by itself (the pool reconnects) with consistent data: every acknowledged user exists,
 * with exactly one `user.created` event each. Needs `DATABASE_URL`.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { freshPostgresDatabase } from "../../test/fresh-postgres-database.js";
import { type RunningInstance, startInstance } from "../start-instance.js";

const databaseUrl = process.env.DATABASE_URL;

describe(
  `faults: PostgreSQL connection loss under load${databaseUrl ? "" : " — skipped: DATABASE_URL is not set"}`,
  skipWhen(databaseUrl ? undefined : "DATABASE_URL is not set"),
  () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let instance: RunningInstance;
    const logged: string[] = [];

    beforeAll(async () => {
      database = await freshPostgresDatabase(databaseUrl ?? "");
      instance = await startInstance({
        databaseUrl: database.url,
        port: 0,
        webhookWorker: false,
        logger: {
          info: () => {},
          error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`),
        },
      });
    }, 60_000);

    afterAll(async () => {
      await instance?.close().catch(() => {});
      await database?.drop();
    });

    /** Ends every connection to the instance's database but the caller's own. */
    async function terminateBackends(): Promise<number> {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        const name = new URL(database.url).pathname.slice(1);
        const rows = await admin.query(
          `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        return rows.rowCount ?? 0;
      } finally {
        await admin.end();
      }
    }

    let serial = 0;
    /** One Backend API request of the mix; resolves with its status and error code. */
    async function request(): Promise<{ status: number; code?: string; userId?: string }> {
      const n = serial++;
      const write = n % 2 === 0;
      const response = await fetch(
        `${instance.url}${write ? "/v1/users" : `/v1/users?limit=5&offset=${n % 7}`}`,
        {
          method: write ? "POST" : "GET",
          headers: {
            Authorization: `Bearer ${instance.secretKey}`,
            "Content-Type": "application/json",
          },
          ...(write ? { body: JSON.stringify({ email_address: [`loss${n}@example.com`] }) } : {}),
        },
      );
      expect(response.headers.get("content-type")).toBe("application/json");
      const body = await response.json();
      if (response.status >= 500) {
        expect(body.errors[0].code, JSON.stringify(body)).toMatch(/^\w+$/);
        expect(typeof body.clerk_trace_id).toBe("string");
        return { status: response.status, code: body.errors[0].code };
      }
      expect(response.status, JSON.stringify(body)).toBe(200);
      return { status: 200, ...(write ? { userId: body.id as string } : {}) };
    }

    it("answers coded 5xx while connections drop, then recovers with consistent data", {
      timeout: 60_000,
    }, async () => {
      const results: Array<Awaited<ReturnType<typeof request>>> = [];
      let running = true;
      const workers = Array.from({ length: 6 }, async () => {
        while (running) results.push(await request());
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await terminateBackends()).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await terminateBackends();
      await new Promise((resolve) => setTimeout(resolve, 500));
      running = false;
      await Promise.all(workers);
      expect(results.length).toBeGreaterThan(10);
      const failures = results.filter((r) => r.status !== 200);
      for (const failure of failures) expect(failure.status).toBeGreaterThanOrEqual(500);

      // Recovered: the next requests all succeed.
      const after = await Promise.all(Array.from({ length: 12 }, () => request()));
      expect(after.map((r) => r.status)).toEqual(Array(12).fill(200));

      // Consistent: acknowledged users exist, each with exactly one event; no event without user.
      const acknowledged = [...results, ...after].flatMap((r) => (r.userId ? [r.userId] : []));
      for (const id of acknowledged) expect((await instance.store.getUser(id))?.id).toBe(id);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          `SELECT (SELECT count(*)::int FROM users) AS users,
                  (SELECT count(*)::int FROM webhook_outbox WHERE event_type = 'user.created') AS events,
                  (SELECT count(DISTINCT payload->'data'->>'id')::int FROM webhook_outbox
                    WHERE event_type = 'user.created'
                      AND payload->'data'->>'id' IN (SELECT id FROM users)) AS matched`,
        );
        const [counts] = rows;
        expect(counts.users).toBeGreaterThanOrEqual(acknowledged.length);
        expect(counts).toEqual({
          users: counts.users,
          events: counts.users,
          matched: counts.users,
        });
      } finally {
        await admin.end();
      }
      console.info(
        `connection loss: ${results.length} requests during, ${failures.length} failed cleanly (${[
          ...new Set(failures.map((f) => `${f.status} ${f.code}`)),
        ].join(", ")})`,
      );
    });
  },
);
