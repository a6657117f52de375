/**
 * Load test: two `latchkey start` processes (the real CLI; the second with `--no-webhook-worker`)
 * share one fresh PostgreSQL database, and a bounded-concurrency mix runs against both of them in
 * turn for `LOAD_SECONDS` (default 60):
 *
 * - Frontend API sign-ins: `POST /__clerk/v1/client/sign_ins` (form, allowed `Origin`) with the
 *   password of one of the pre-seeded users (made through the Backend API), from a new browser;
 * - session token renewals: `POST /__clerk/v1/client/sessions/{id}/tokens` with the `__client`
 *   cookie of a browser signed in before the run (any process may serve any browser);
 * - Backend API reads: `GET /v1/users/{id}` and the list by email (`GET /v1/users?email_address=`).
 *
 * It prints, per operation, the count, throughput, p50/p99 latency and the errors by status, and
 * exits 1 when anything answered other than 2xx or 429 (a network error counts as a failure).
 * Needs `DATABASE_URL` (it makes a fresh database next to the one it names and drops it after);
 * without it it says so and exits 0. Run: `pnpm bench:load` (`LOAD_SECONDS=20 pnpm bench:load`).
 *
 * Rate limits: the Frontend API limits sign-ins per client IP (30/min) and per identifier
 * (10/min). A load generator is one machine, so it stands in for many users behind the app's
 * proxy: each request carries its own `X-Forwarded-For` address, which the instance honours by
 * default (its client-IP source is the first `X-Forwarded-For` entry, as set by a trusted proxy).
 * Nothing is raised or turned off, so the limits and their bookkeeping are part of what is
 * measured; the per-identifier limit is kept out of the way by spreading sign-ins over enough
 * seeded users (a 429 that still happens is reported, and allowed).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@latchkey/server";

const DATABASE_URL = process.env.DATABASE_URL;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = 16;
const USERS = 300;
const SIGNED_IN_BROWSERS = 32;
const PASSWORD = "load-Test-password-42";
const APP_ORIGIN = "http://localhost:3000";
const CLI = fileURLToPath(new URL("../packages/server/src/cli.ts", import.meta.url));

/** The operations of the mix, with their share of requests. */
const MIX = [
  ["sign-in (FAPI)", 2],
  ["token renewal (FAPI)", 4],
  ["get user (BAPI)", 2],
  ["list by email (BAPI)", 2],
] as const;
type Operation = (typeof MIX)[number][0];

interface Instance {
  url: string;
  child: ChildProcess;
}

/** Starts `latchkey start` from source and waits for its URL. */
async function startCli(args: string[], env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "start", "--port", "0", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /instance on (http:\/\/\S+)/.exec(output)?.[1];
      if (found && /CLERK_API_URL=/.test(output)) {
        clearInterval(timer);
        resolve(found);
      }
    }, 50);
    child.once("exit", () => {
      clearInterval(timer);
      reject(new Error(`latchkey start exited:\n${output}`));
    });
  });
  return { url, child };
}

async function stopCli(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGTERM");
  await exited;
}

let ipCounter = 0;
/** A distinct client address per request (10.0.0.0/8), as the app's proxy would forward it. */
function nextIp(): string {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

interface Answer {
  status: number;
  body: unknown;
  setCookies: string[];
}

async function call(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? undefined : JSON.parse(text),
    setCookies: response.headers.getSetCookie(),
  };
}

function signIn(base: string, email: string, cookie?: string): Promise<Answer> {
  return call(`${base}/__clerk/v1/client/sign_ins`, {
    method: "POST",
    headers: {
      Origin: APP_ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": nextIp(),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams({ identifier: email, password: PASSWORD }).toString(),
  });
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function main(): Promise<number> {
  if (!DATABASE_URL) {
    console.log("bench:load needs DATABASE_URL (a PostgreSQL server to make a fresh database on).");
    return 0;
  }
  const name = `lk_load_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: DATABASE_URL });
  await admin.exec(`CREATE DATABASE "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const secretKey = `sk_test_${randomBytes(24).toString("base64url")}`;
  const env = { DATABASE_URL: url.toString(), CLERK_SECRET_KEY: secretKey };
  const instances: Instance[] = [];
  try {
    // One after the other: the first applies migrations and makes the signing key.
    instances.push(await startCli([], env));
    instances.push(await startCli(["--no-webhook-worker"], env));
    const bases = instances.map((i) => i.url);
    console.log(
      `Instances: ${bases.join(", ")} on database ${name}; ${SECONDS} s, ${CONCURRENCY} in flight`,
    );

    // Seed users through the Backend API.
    const bapi = (path: string, init: { method: string; body?: unknown }, base = bases[0]) =>
      call(`${base}${path}`, {
        method: init.method,
        headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json" },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    const users: Array<{ id: string; email: string }> = [];
    const emails = Array.from({ length: USERS }, (_, i) => `load${i}@example.com`);
    await pool(emails, 8, async (email) => {
      const answer = await bapi("/v1/users", {
        method: "POST",
        body: { email_address: [email], password: PASSWORD },
      });
      if (answer.status !== 200) throw new Error(`seeding ${email}: ${answer.status}`);
      users.push({ id: (answer.body as { id: string }).id, email });
    });
    // Browsers signed in before the run, for the token renewals.
    const browsers: Array<{ cookie: string; sessionId: string }> = [];
    await pool(users.slice(0, SIGNED_IN_BROWSERS), 8, async (user) => {
      const answer = await signIn(bases[0] ?? "", user.email);
      const client = answer.setCookies.find((c) => c.startsWith("__client="))?.split(";")[0];
      const sessionId = (answer.body as { response?: { created_session_id?: string } }).response
        ?.created_session_id;
      if (answer.status !== 200 || !client || !sessionId) {
        throw new Error(`signing in ${user.email}: ${answer.status}`);
      }
      browsers.push({ cookie: client, sessionId });
    });
    console.log(`Seeded ${users.length} users and ${browsers.length} signed-in browsers.`);

    const stats = new Map<Operation, { latencies: number[]; statuses: Map<string, number> }>(
      MIX.map(([op]) => [op, { latencies: [], statuses: new Map() }]),
    );
    const weights = MIX.flatMap(([op, weight]) => Array<Operation>(weight).fill(op));
    let turn = 0;
    let signInCursor = SIGNED_IN_BROWSERS;
    const run = async (op: Operation, base: string): Promise<Answer> => {
      const user = users[Math.floor(Math.random() * users.length)] ?? users[0]!;
      switch (op) {
        case "sign-in (FAPI)": {
          const target = users[signInCursor++ % users.length] ?? user;
          return signIn(base, target.email);
        }
        case "token renewal (FAPI)": {
          const browser = browsers[Math.floor(Math.random() * browsers.length)] ?? browsers[0]!;
          return call(`${base}/__clerk/v1/client/sessions/${browser.sessionId}/tokens`, {
            method: "POST",
            headers: { Origin: APP_ORIGIN, Cookie: browser.cookie },
          });
        }
        case "get user (BAPI)":
          return bapi(`/v1/users/${user.id}`, { method: "GET" }, base);
        case "list by email (BAPI)":
          return bapi(
            `/v1/users?email_address=${encodeURIComponent(user.email)}`,
            { method: "GET" },
            base,
          );
      }
    };

    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const op = weights[Math.floor(Math.random() * weights.length)] ?? "get user (BAPI)";
          const base = bases[turn++ % bases.length] ?? "";
          const entry = stats.get(op)!;
          const t0 = performance.now();
          let status: string;
          try {
            status = String((await run(op, base)).status);
          } catch (error) {
            status = `network (${error instanceof Error ? error.message : String(error)})`;
          }
          entry.latencies.push(performance.now() - t0);
          if (!status.startsWith("2"))
            entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    const rows = [...stats].map(([op, { latencies, statuses }]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return [
        op,
        String(sorted.length),
        (sorted.length / elapsed).toFixed(1),
        percentile(sorted, 50).toFixed(1),
        percentile(sorted, 99).toFixed(1),
        statuses.size === 0 ? "none" : [...statuses].map(([s, n]) => `${s}×${n}`).join(", "),
      ];
    });
    const header = ["operation", "count", "per s", "p50 ms", "p99 ms", "errors by status"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    const line = (cells: readonly string[]) =>
      `| ${cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
    console.log(
      `\nLoad: ${elapsed.toFixed(1)} s, ${CONCURRENCY} in flight, 2 processes, PostgreSQL\n`,
    );
    console.log(line(header));
    console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    for (const row of rows) console.log(line(row));

    const failures = [...stats.values()].flatMap(({ statuses }) =>
      [...statuses].filter(([status]) => status !== "429"),
    );
    if (failures.length > 0) {
      console.error(`\nFAILED: answers other than 2xx and 429: ${JSON.stringify(failures)}`);
      return 1;
    }
    console.log("\nOK: no errors other than 429.");
    return 0;
  } finally {
    for (const instance of instances) await stopCli(instance);
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
