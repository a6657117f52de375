/**
 * Instance benchmark: Backend API `getUser` and list-by-email latency (p50/p99, in process through
 * the real handler) with 10k and 100k users, on PGlite and on PostgreSQL (when DATABASE_URL is
 * set); session tokens minted per second on one core; and, on PostgreSQL, the instance's CPU cost of
 * a session renewal and of a `getUser` beside one RS256 signature (see `instance-cpu.ts`).
 * Run: `pnpm bench`.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import {
  backendApiRoutes,
  createHandler,
  createSigningKeyRing,
  createSqlStore,
  type Database,
  migrate,
  mintSessionToken,
  openDatabase,
  silentLogger,
  webhookEventData,
} from "@latchkey/server";
import { measureInstanceCpu, printInstanceCpu } from "./instance-cpu.js";

const SECRET_KEY = "sk_test_benchmarkSecretKey000000";
const SIZES = [10_000, 100_000];
const OPS = 2_000;

interface Target {
  label: string;
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

const targets: Target[] = [
  {
    label: "PGlite",
    async open() {
      const db = await openDatabase({ dataDir: "memory://" });
      return { db, dispose: () => db.close() };
    },
  },
];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  targets.push({
    label: "PostgreSQL",
    async open() {
      const schema = `lk_bench_${Date.now()}`;
      const db = await openDatabase({ databaseUrl, schema });
      return {
        db,
        async dispose() {
          await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await db.close();
        },
      };
    },
  });
} else {
  console.log("PostgreSQL rows skipped: DATABASE_URL is not set.");
}

/** Adds users `from`..`to` (each with a verified primary email address) in three statements. */
async function addUsers(db: Database, from: number, to: number): Promise<void> {
  const t = 1_767_225_600_000;
  await db.query(
    `INSERT INTO users (id, first_name, last_name, created_at, updated_at)
     SELECT 'user_bench' || lpad(i::text, 9, '0'), 'First' || i, 'Last' || i, $3::bigint + i, $3::bigint + i
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to, t],
  );
  await db.query(
    `INSERT INTO email_addresses (id, user_id, email_address, verification_status,
       verification_strategy, created_at, updated_at)
     SELECT 'idn_bench' || lpad(i::text, 9, '0'), 'user_bench' || lpad(i::text, 9, '0'),
       'user' || i || '@bench.example', 'verified', 'admin', $3::bigint + i, $3::bigint + i
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to, t],
  );
  await db.query(
    `UPDATE users SET primary_email_address_id = 'idn_bench' || substr(id, 11)
     WHERE id >= 'user_bench' || lpad($1::text, 9, '0') AND id <= 'user_bench' || lpad($2::text, 9, '0')`,
    [from, to],
  );
  await db.exec("ANALYZE");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function measure(
  run: (i: number) => Promise<Response>,
): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 100; i++) await (await run(i)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < OPS; i++) {
    const start = process.hrtime.bigint();
    const response = await run(i);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

// The instance's CPU is measured first, before the seeding below leaves PostgreSQL busy
// (autovacuum, a 100,000-user schema to drop) while it runs. Printed last.
const instanceCpu = databaseUrl ? await measureInstanceCpu(databaseUrl) : null;

const rows: string[][] = [];
for (const target of targets) {
  const { db, dispose } = await target.open();
  await migrate(db);
  const store = createSqlStore(db, { renderEventData: webhookEventData() });
  const handler = createHandler({
    store,
    secretKey: SECRET_KEY,
    routes: backendApiRoutes,
    logger: silentLogger,
  });
  const get = (path: string) =>
    handler(
      new Request(`http://bench.local${path}`, {
        headers: { Authorization: `Bearer ${SECRET_KEY}` },
      }),
    );
  let seeded = 0;
  for (const size of SIZES) {
    process.stdout.write(`${target.label}: seeding ${size} users… `);
    await addUsers(db, seeded + 1, size);
    seeded = size;
    console.log("done");
    const pick = (i: number) => 1 + ((i * 7919) % size);
    const getUser = await measure((i) =>
      get(`/v1/users/user_bench${String(pick(i)).padStart(9, "0")}`),
    );
    const byEmail = await measure((i) =>
      get(`/v1/users?email_address=user${pick(i)}@bench.example`),
    );
    for (const [operation, stats] of [
      ["getUser", getUser],
      ["list by email", byEmail],
    ] as const) {
      rows.push([
        target.label,
        String(size),
        operation,
        stats.p50.toFixed(2),
        stats.p99.toFixed(2),
      ]);
    }
  }
  await dispose();
}

console.log("\nBackend API latency (ms, in process through the handler)");
console.log(
  `${"storage".padEnd(11)}${"users".padStart(8)}  ${"call".padEnd(14)}${"p50".padStart(8)}${"p99".padStart(8)}`,
);
for (const [storage, users, call, p50, p99] of rows) {
  console.log(
    `${storage!.padEnd(11)}${users!.padStart(8)}  ${call!.padEnd(14)}${p50!.padStart(8)}${p99!.padStart(8)}`,
  );
}

// Session tokens minted per second, on this one thread (the key is loaded once, as in a server).
{
  const db = await openDatabase({ dataDir: "memory://" });
  await migrate(db);
  const keys = createSigningKeyRing({
    store: createSqlStore(db, { renderEventData: webhookEventData() }),
  });
  await keys.publishedKeys();
  const now = Date.now();
  const session = {
    id: "sess_bench",
    userId: "user_bench",
    status: "active" as const,
    firstFactorVerifiedAt: now,
    secondFactorVerifiedAt: null,
    actor: null,
  };
  const mint = () =>
    mintSessionToken(keys, {
      session,
      issuer: "http://localhost:4100/__clerk",
      now,
      lifetimeSeconds: 60,
    });
  // The floor: a bare RSA-2048 signature over a token-sized input, measured alongside.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const input = Buffer.from("x".repeat(400));
  const rawSign = async () => sign("sha256", input, privateKey);
  const rate = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 100; i++) await fn();
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < 2000) {
      await fn();
      count++;
    }
    return count / ((performance.now() - start) / 1000);
  };
  const rates = { mint: [] as number[], raw: [] as number[] };
  for (let round = 0; round < 3; round++) {
    rates.mint.push(await rate(mint));
    rates.raw.push(await rate(rawSign));
  }
  const best = (values: number[]) => Math.max(...values).toFixed(0);
  console.log("\nSession tokens per second on one core (best of 3 interleaved 2-s rounds)");
  console.log(`  mintSessionToken (claims + RS256 signature): ${best(rates.mint)} (goal ≥ 1,000)`);
  console.log(`  bare crypto.sign RSA-2048, for reference:     ${best(rates.raw)}`);
  await db.close();
}

if (instanceCpu) printInstanceCpu(instanceCpu);
else console.log("\nInstance CPU rows skipped: DATABASE_URL is not set.");
