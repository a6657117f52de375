/**
 * The instance's CPU cost per request, beside one RS256 signature measured in the same run: a
 * session renewal (`POST /__clerk/v1/client/sessions/{sid}/tokens`) and a Backend API `getUser`,
 * each sent N times in sequence through the real handler (in process, no sockets) of an instance
 * on PostgreSQL. `process.cpuUsage()` counts every thread of this process (handler, `pg` driver,
 * crypto), not the database server's. Run alone: `tsx instance-cpu.ts` (needs DATABASE_URL).
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { silentLogger, startInstance } from "@latchkey/server";

const REQUESTS = 2_000;
const ROUNDS = 5;
const APP_ORIGIN = "http://localhost:3000";
const PASSWORD = "purple-Elephant-42-dances";

/** Microseconds of this process's CPU (user + system) per call of `run`, over `count` calls. */
async function cpuMicrosPerCall(count: number, run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** One row of the table: a case and its median CPU µs per call. */
export interface CpuRow {
  name: string;
  micros: number;
}

/**
 * Measures the three costs (interleaved rounds, median of each) on the PostgreSQL database at
 * `databaseUrl`, in a schema made for the run and dropped after.
 */
export async function measureInstanceCpu(databaseUrl: string): Promise<CpuRow[]> {
  const schema = `lk_bench_cpu_${Date.now()}`;
  const instance = await startInstance({
    databaseUrl,
    schema,
    port: 0,
    webhookWorker: false,
    logger: silentLogger,
    env: {},
  });
  try {
    const base = instance.publicUrl;
    const backend = (method: string, path: string, body?: unknown) =>
      instance.handler(
        new Request(`${base}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${instance.secretKey}`,
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const created = await backend("POST", "/v1/users", {
      email_address: ["cpu@bench.example"],
      password: PASSWORD,
    });
    if (created.status !== 200) throw new Error(`create user: ${created.status}`);
    const userId = ((await created.json()) as { id: string }).id;

    const signIn = await instance.handler(
      new Request(`${base}/__clerk/v1/client/sign_ins`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ identifier: "cpu@bench.example", password: PASSWORD }),
      }),
    );
    if (signIn.status !== 200) throw new Error(`sign in: ${signIn.status}`);
    const sessionId = ((await signIn.json()) as { response: { created_session_id: string } })
      .response.created_session_id;
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");

    const renew = async () => {
      const answer = await instance.handler(
        new Request(`${base}/__clerk/v1/client/sessions/${sessionId}/tokens`, {
          method: "POST",
          headers: { Origin: APP_ORIGIN, Cookie: cookie },
        }),
      );
      await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`renewal: ${answer.status}`);
    };
    const getUser = async () => {
      const answer = await backend("GET", `/v1/users/${userId}`);
      await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`getUser: ${answer.status}`);
    };
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const input = Buffer.from("x".repeat(400));
    const rs256 = async () => sign("sha256", input, privateKey);

    const cases: Array<[string, () => Promise<unknown>, number]> = [
      ["RS256 signature (crypto.sign, RSA-2048)", rs256, REQUESTS],
      ["session renewal (FAPI POST …/tokens)", renew, REQUESTS],
      ["getUser (BAPI GET /v1/users/{id})", getUser, REQUESTS],
    ];
    const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    for (let round = -1; round < ROUNDS; round++) {
      for (const [name, run, count] of cases) {
        const micros = await cpuMicrosPerCall(round < 0 ? 200 : count, run);
        if (round >= 0) samples.get(name)!.push(micros);
      }
    }
    return cases.map(([name]) => ({ name, micros: median(samples.get(name)!) }));
  } finally {
    await instance.close();
    const { openDatabase } = await import("@latchkey/server");
    const db = await openDatabase({ databaseUrl });
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  }
}

/** Prints the rows with each one's ratio to the signature. */
export function printInstanceCpu(rows: CpuRow[]): void {
  const signature = rows[0]!.micros;
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(
    `\nInstance CPU per request on PostgreSQL (µs of this process, median of ${ROUNDS} rounds of ${REQUESTS})`,
  );
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(width)}  ${row.micros.toFixed(0).padStart(6)} µs  ${(row.micros / signature).toFixed(2)}× a signature`,
    );
  }
  console.log("  budget: renewal ≈ 850 µs (≈ 3.3 signatures), getUser ≈ 300 µs");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL (postgres://…) to measure the instance's CPU.");
  printInstanceCpu(await measureInstanceCpu(url));
}
