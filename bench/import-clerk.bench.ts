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
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@latchkey/server";

const DATABASE_URL = process.env.DATABASE_URL;
const USERS = Number(process.env.IMPORT_USERS ?? 100_000);
const GOAL_MS = 120_000;
const CLI = fileURLToPath(new URL("../packages/server/src/cli.ts", import.meta.url));
const HEADER =
  "id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher";
/** One bcrypt digest (cost 10) of "bench-password": digests are stored, not checked, on import. */
const DIGEST = "$2a$10$CwTycUXWue0Thq9StjUM0uJ8DPLKXt1FYC6bHnGtjqbBnl4hT5mBa";

function exportCsv(count: number): string {
  const lines = [HEADER];
  for (let n = 0; n < count; n++) {
    const id = `user_2${String(n).padStart(26, "0")}`;
    const email = `bench${n}@example.com`;
    const phone = n % 10 === 0 ? `+1555${String(n).padStart(7, "0")}` : "";
    const totp = n % 20 === 0 ? "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" : "";
    lines.push(
      [
        id,
        `First${n}`,
        `Lâst${n}`,
        "",
        email,
        phone,
        `${email}|alt${n}@example.com`,
        "",
        phone,
        "",
        totp,
        DIGEST,
        "bcrypt",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

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
  await writeFile(csv, exportCsv(USERS));
  const name = `lk_import_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: DATABASE_URL });
  await admin.exec(`CREATE DATABASE "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  try {
    const first = importOnce(csv, url.toString());
    console.log(
      `first import of ${USERS} users: ${(first.ms / 1000).toFixed(1)} s (CLI start and migrations included)\n${first.output}`,
    );
    const again = importOnce(csv, url.toString());
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
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
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
