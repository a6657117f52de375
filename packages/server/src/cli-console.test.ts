/**
 * The admin console from the real CLI: `latchkey console set-password` (piped), the console's
 * line at start, and a production instance that serves it only with `--console`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnCli } from "../test/spawn-cli.js";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const PASSWORD = "a console passphrase for tests";

/** Runs `latchkey <args>` with `input` piped in; its exit code and output. */
function runCli(
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.end(input);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

const signIn = (url: string, credential: string, origin: string) =>
  fetch(`${url}/console/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ credential }).toString(),
  });

describe("latchkey console", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-console-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a short password and changes nothing", async () => {
    const result = await runCli(
      ["console", "set-password", "--data-dir", join(dir, "short")],
      "short\n",
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain("at least 12 characters");
  }, 60_000);

  it("sets the password that then signs in to the console of a started instance", async () => {
    const dataDir = join(dir, "dev");
    const set = await runCli(["console", "set-password", "--data-dir", dataDir], `${PASSWORD}\n`);
    expect(set.code).toBe(0);
    expect(set.output).not.toContain(PASSWORD);
    const plain = await spawnCli(["--data-dir", dataDir]);
    try {
      expect(plain.output()).toMatch(/Console: http:\/\/localhost:\d+\/console/);
      // Posted as a browser on the console's page would: from the instance's public origin.
      const origin = /CLERK_API_URL=(\S+)/.exec(plain.output())?.[1] ?? "";
      expect((await signIn(plain.url, "not the password at all", origin)).status).toBe(401);
      expect((await signIn(plain.url, PASSWORD, "https://evil.example")).status).toBe(403);
      const ok = await signIn(plain.url, PASSWORD, origin);
      expect(ok.status).toBe(303);
      expect(ok.headers.get("set-cookie")).toMatch(/latchkey_console=/);
    } finally {
      await plain.stop();
    }
  }, 120_000);

  it("is off in production unless --console is given", async () => {
    const env = { LATCHKEY_MAIL_TRANSPORT: "mailbox", CLERK_SECRET_KEY: "" };
    const args = ["--production", "--allowed-origin", "https://app.example.test"];
    const off = await spawnCli([...args, "--data-dir", join(dir, "prod")], env);
    try {
      expect(off.output()).not.toContain("Console:");
      expect((await fetch(`${off.url}/console/sign-in`)).status).toBe(404);
    } finally {
      await off.stop();
    }
    const on = await spawnCli([...args, "--console", "--data-dir", join(dir, "prod")], env);
    try {
      expect(on.output()).toContain("Console:");
      const served = await fetch(`${on.url}/console/sign-in`);
      expect(served.status, on.output()).toBe(200);
    } finally {
      await on.stop();
    }
  }, 120_000);
});
