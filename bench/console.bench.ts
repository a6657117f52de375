/**
 * The admin console's users list at 100,000 users on PostgreSQL (issue goal: p95 page load
 * ≤ 300 ms): a fresh database, `CONSOLE_USERS` users (default 100,000) imported from a Clerk
 * export, an instance on it, a signed-in console session, then each list page `ROUNDS` times,
 * timed from request to the last byte of HTML. Prints p50/p95 a page; exits 1 when a p95 is over
 * the goal. Needs `DATABASE_URL` (without it it says so and exits 0).
 * Run: `pnpm bench` (all benches) or `cd bench && tsx console.bench.ts`.
 */
import { importClerkUsers, openDatabase, startInstance } from "@latchkey/server";
import { clerkExportCsv } from "./clerk-export-csv.js";
import { freshPostgresDatabase } from "./fresh-postgres-database.js";

const DATABASE_URL = process.env.DATABASE_URL;
const USERS = Number(process.env.CONSOLE_USERS ?? 100_000);
const ROUNDS = Number(process.env.CONSOLE_ROUNDS ?? 30);
const GOAL_P95_MS = 300;

/** The list pages measured: what an admin clicks and types. */
const PAGES: ReadonlyArray<readonly [string, string]> = [
  ["first page (newest first)", "/console/users"],
  ["page 1,000 (offset 49,950)", "/console/users?page=1000"],
  ["search by email", `/console/users?q=bench${Math.floor(USERS * 0.7)}%40`],
  ["search by name", `/console/users?q=First${Math.floor(USERS * 0.3)}`],
  [
    "search by user id",
    `/console/users?q=user_2${String(Math.floor(USERS / 2)).padStart(26, "0")}`,
  ],
  ["search, no match", "/console/users?q=nobody-here"],
  ["filter: banned", "/console/users?status=banned"],
  ["filter: locked", "/console/users?status=locked"],
  ["sort by last name", "/console/users?order=%2Blast_name"],
  ["sort by last sign-in", "/console/users?order=-last_sign_in_at"],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function main(): Promise<number> {
  if (!DATABASE_URL) {
    console.log(
      "console.bench needs DATABASE_URL (a PostgreSQL server to make a fresh database on).",
    );
    return 0;
  }
  const database = await freshPostgresDatabase(DATABASE_URL, "lk_console");
  const instance = await startInstance({
    port: 0,
    databaseUrl: database.url,
    webhookWorker: false,
    logger: { info() {}, error: (message, fields) => console.error(message, fields) },
  });
  try {
    const seeded = performance.now();
    const report = await importClerkUsers({ store: instance.store, csv: clerkExportCsv(USERS) });
    if (report.created !== USERS) throw new Error(`seeded ${report.created} of ${USERS} users`);
    console.log(`seeded ${USERS} users in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const db = await openDatabase({ databaseUrl: database.url });
    // A few banned users, as a real instance has.
    await db.exec(
      "UPDATE users SET banned = true WHERE id IN (SELECT id FROM users ORDER BY id LIMIT 25)",
    );
    // As autovacuum leaves a table that has settled (visibility map set, statistics fresh).
    await db.exec("VACUUM ANALYZE");
    await db.close();

    const origin = new URL(instance.url).origin;
    const signIn = await fetch(`${instance.url}/console/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ credential: instance.secretKey, name: "bench" }).toString(),
    });
    const cookie = /latchkey_console=[^;]+/.exec(signIn.headers.get("set-cookie") ?? "")?.[0];
    if (signIn.status !== 303 || cookie === undefined) throw new Error("console sign-in failed");

    let failed = false;
    console.log(`\nconsole users list, ${USERS} users, PostgreSQL, ${ROUNDS} loads a page (ms)`);
    console.log(`${"page".padEnd(30)}  ${"p50".padStart(7)}  ${"p95".padStart(7)}`);
    for (const [name, path] of PAGES) {
      const times: number[] = [];
      for (let round = -2; round < ROUNDS; round++) {
        const started = performance.now();
        const response = await fetch(`${instance.url}${path}`, { headers: { cookie } });
        const html = await response.text();
        if (
          response.status !== 200 ||
          (!html.includes("<table") && !html.includes("No users match"))
        ) {
          throw new Error(`${path} answered ${response.status}`);
        }
        if (round >= 0) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 0.95);
      if (p95 > GOAL_P95_MS) failed = true;
      console.log(
        `${name.padEnd(30)}  ${percentile(times, 0.5).toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}${p95 > GOAL_P95_MS ? "  over the goal" : ""}`,
      );
    }
    console.log(`goal: p95 ≤ ${GOAL_P95_MS} ms a page`);
    return failed ? 1 : 0;
  } finally {
    await instance.close();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
