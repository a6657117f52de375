import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { clerkCsv, clerkUserId, makeDigest } from "./clerk-export.test-helpers.js";
import { runClerkImport } from "./run-clerk-import.js";

const CLI = fileURLToPath(new URL("../cli.ts", import.meta.url));
const run = promisify(execFile);

/** Runs `latchkey …` from source; answers its exit code and output. */
async function latchkey(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", CLI, ...args], {
      env: { ...process.env, DATABASE_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("latchkey import clerk (the command)", () => {
  const clerk = useTestInstance({ overHttp: true });
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-import-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("imports into a PGlite data directory, prints the report, and exits 1 when a row was refused", async () => {
    const csv = join(dir, "users.csv");
    const json = join(dir, "users.json");
    await writeFile(
      csv,
      clerkCsv([
        {
          id: clerkUserId(1),
          primary_email_address: "cli@example.com",
          password_digest: await makeDigest("bcrypt", "cli-password-1"),
          password_hasher: "bcrypt",
        },
        { id: clerkUserId(2), password_digest: "abc", password_hasher: "not_a_hasher" },
      ]),
    );
    await writeFile(json, JSON.stringify([{ id: clerkUserId(1), public_metadata: { a: 1 } }]));
    const args = ["import", "clerk", "--csv", csv, "--json", json, "--data-dir", join(dir, "db")];
    const first = await latchkey(args);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain("2 rows in");
    expect(first.stdout).toContain("1 created, 0 updated, 0 unchanged");
    expect(first.stdout).toContain(
      `refused line 3 (${clerkUserId(2)}), password_hasher: password_hasher_unsupported`,
    );
    // Not a terminal: no progress line.
    expect(first.stdout).not.toContain("Importing users:");
    const second = await latchkey(args);
    expect(second.stdout).toContain("0 created, 0 updated, 1 unchanged");
  }, 60_000);

  it("explains itself, and says what is missing", async () => {
    const help = await latchkey(["import", "clerk", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--csv <file>");
    const missing = await latchkey(["import", "clerk"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--csv <file>");
    const unreadable = await latchkey(["import", "clerk", "--csv", join(dir, "nope.csv")]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain("Cannot read");
  }, 60_000);

  it("--from-api reads users from a Clerk Backend API with the secret key given in the environment", async () => {
    const created = await clerk.call("POST", "/v1/users", {
      body: { email_address: ["from-api@example.com"], public_metadata: { via: "api" } },
    });
    const data = join(dir, "db-api");
    const run = async (secretKey: string) => {
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          [
            "--import",
            "tsx",
            CLI,
            "import",
            "clerk",
            "--from-api",
            "--api-url",
            clerk.baseUrl,
            "--data-dir",
            data,
          ],
          { env: { ...process.env, DATABASE_URL: "", CLERK_IMPORT_SECRET_KEY: secretKey } },
        );
        return { code: 0, out: stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
      }
    };
    const ok = await run(TEST_SECRET_KEY);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain("0 rows in");
    expect(ok.out).toContain("1 created");
    const wrong = await run("sk_test_notTheKey0000");
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("GET /users answered 401");
    expect(wrong.out).not.toContain("sk_test_notTheKey0000");
    expect(created.status).toBe(200);
  }, 60_000);

  it("shows a progress line on a terminal only", async () => {
    const csv = join(dir, "progress.csv");
    await writeFile(csv, clerkCsv([{ id: clerkUserId(1) }, { id: clerkUserId(2) }]));
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) > 0 };
    const report = await runClerkImport({
      csvFile: csv,
      fromApi: { apiUrl: clerk.baseUrl, secretKey: TEST_SECRET_KEY },
      dataDir: "memory://",
      out: terminal as unknown as NodeJS.WriteStream,
    });
    expect(report.created).toBeGreaterThanOrEqual(2);
    const text = written.join("");
    expect(text).toContain("\rReading /users from Clerk: ");
    expect(text).toContain(`\rImporting users: ${report.created} / ${report.created}`);
    expect(text).toContain("organizations: 0 created");
  }, 60_000);
});
