/**
 * `latchkey import clerk` on PostgreSQL: a Dashboard export of `IMPORT_USERS` users (default
 * 100,000; bcrypt digests, two email addresses, a phone number for every tenth, a TOTP secret for
 * every twentieth) imported by the real CLI into a fresh database, then imported again (every row
 * unchanged). Prints both wall times; exits 1 when the first one is over the goal (2 minutes) or
 * a row was not created / left unchanged. Needs `DATABASE_URL` (it makes a fresh database next to
 * the one it names and drops it after); without it it says so and exits 0.
 * Run: `pnpm bench:import` (`IMPORT_USERS=10000 pnpm bench:import`).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { clerkExportCsv } from "./clerk-export-csv.js";
import { freshPostgresDatabase } from "./fresh-postgres-database.js";

const DATABASE_URL = process.env.DATABASE_URL;
const USERS = Number(process.env.IMPORT_USERS ?? 100_000);
const GOAL_MS = 120_000;
const CLI = fileURLToPath(new URL("../packages/server/src/cli.ts", import.meta.url));
function importOnce(
  csv: string,
  databaseUrl: string,
): { ms: number; output: string; status: number | null } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", CLI, "import", "clerk", "--csv", csv, "--database-url", databaseUrl],
    {
      encoding: "utf8",
    },
  );
  return {
    ms: performance.now() - started,
    output: `${result.stdout}${result.stderr}`,
    status: result.status,
  };
}

async function main(): Promise<number> {
  if (!DATABASE_URL) {
    console.log(
      "bench:import needs DATABASE_URL (a PostgreSQL server to make a fresh database on).",
    );
    return 0;
  }
  const dir = await mkdtemp(join(tmpdir(), "latchkey-import-bench-"));
  const csv = join(dir, "users.csv");
  await writeFile(csv, clerkExportCsv(USERS));
  const database = await freshPostgresDatabase(DATABASE_URL, "lk_import");
  try {
    const first = importOnce(csv, database.url);
    console.log(
      `first import of ${USERS} users: ${(first.ms / 1000).toFixed(1)} s (CLI start and migrations included)\n${first.output}`,
    );
    const again = importOnce(csv, database.url);
    console.log(`same file again: ${(again.ms / 1000).toFixed(1)} s\n${again.output}`);
    const ok =
      first.status === 0 &&
      again.status === 0 &&
      first.output.includes(`${USERS} created`) &&
      again.output.includes(`${USERS} unchanged`);
    if (!ok) {
      console.error("FAILED: not every row was created, then left unchanged.");
      return 1;
    }
    if (USERS >= 100_000 && first.ms > GOAL_MS) {
      console.error(`FAILED: over the goal of ${GOAL_MS / 1000} s.`);
      return 1;
    }
    return 0;
  } finally {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
