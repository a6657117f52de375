/**
 * `latchkey start --production`: no default origins (refuses to start without
 * `--allowed-origin`), the secret key never printed, `pk_live_`/`sk_live_` keys, Secure cookies,
 * and no `http://localhost:3000` among allowed origins or redirect targets.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedCli, spawnCli } from "../test/spawn-cli.js";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const APP_ORIGIN = "https://app.example.test";
const LIVE_KEY = "sk_live_productionTestKey0123456789abcdef";
const ENV = { LATCHKEY_MAIL_TRANSPORT: "mailbox" };

/** Runs the CLI to its end (or `until` appears in its output), with its output and exit code. */
function runCli(
  args: readonly string[],
  env: Record<string, string>,
  until?: RegExp,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CLI, "start", "--port", "0", ...args],
      {
        env: { ...process.env, DATABASE_URL: "", CLERK_SECRET_KEY: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (until?.test(output)) child.kill("SIGTERM");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("latchkey start --production", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-production-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses to start without --allowed-origin, saying what to give", async () => {
    const result = await runCli(["--production", "--data-dir", join(dir, "none")], ENV);
    expect(result.code).toBe(1);
    expect(result.output).toContain("--allowed-origin");
    expect(result.output).not.toContain("instance on");
  });

  it("makes an sk_live_ key and writes it only to --write-env, never to the output", async () => {
    const envFile = join(dir, "app.env");
    const result = await runCli(
      [
        "--production",
        "--allowed-origin",
        APP_ORIGIN,
        "--data-dir",
        join(dir, "generated"),
        "--write-env",
        envFile,
      ],
      ENV,
      /Wrote /,
    );
    const written = await readFile(envFile, "utf8");
    const secretKey = /CLERK_SECRET_KEY=(\S+)/.exec(written)?.[1] ?? "";
    expect(secretKey).toMatch(/^sk_live_/);
    expect(written).toMatch(/NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_/);
    expect(result.output).not.toContain(secretKey);
  });

  describe("running", () => {
    let cli: SpawnedCli;
    beforeAll(async () => {
      cli = await spawnCli(
        ["--production", "--allowed-origin", APP_ORIGIN, "--data-dir", join(dir, "running")],
        { ...ENV, CLERK_SECRET_KEY: LIVE_KEY },
      );
    }, 120_000);
    afterAll(async () => {
      await cli?.stop();
    });

    it("prints the secret key masked, and a pk_live_ key", () => {
      expect(cli.output()).not.toContain(LIVE_KEY);
      expect(cli.output()).toMatch(/CLERK_SECRET_KEY=sk_live_…[A-Za-z0-9]{4} {2}# hidden/);
      expect(cli.publishableKey).toMatch(/^pk_live_/);
    });

    it("sets Secure cookies, even over plain http behind a TLS proxy it does not trust", async () => {
      const answer = await fetch(`${cli.url}/__clerk/v1/client`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN },
      });
      expect(answer.status).toBe(200);
      const cookies = answer.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure(;|$)/);
    });

    it("allows no localhost origin or redirect target by default", async () => {
      const fromLocalhost = await fetch(`${cli.url}/__clerk/v1/client/sign_ins`, {
        method: "POST",
        headers: {
          Origin: "http://localhost:3000",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "identifier=a%40example.com",
      });
      expect(fromLocalhost.status).toBe(403);
      const redirect = await fetch(`${cli.url}/__clerk/v1/client/sign_ins`, {
        method: "POST",
        headers: { Origin: APP_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: `identifier=a%40example.com&redirect_url=${encodeURIComponent("http://localhost:3000/x")}`,
      });
      expect(redirect.status).toBe(422);
      expect((await redirect.json()).errors[0].code).toBe("redirect_url_invalid");
    });
  });
});
