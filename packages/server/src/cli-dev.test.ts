// `latchkey dev` as a user runs it: the real CLI (from source through tsx), a throwaway app
// folder, and a small Node program as the app command instead of `next dev`.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
/** tsx's loader by its full path: the CLI runs in the app's folder, where tsx is not installed. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const work = mkdtempSync(join(tmpdir(), "latchkey-dev-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

async function freePort(): Promise<number> {
  const { server, port } = await listen();
  await new Promise((done) => server.close(done));
  return port;
}

let apps = 0;
/** A new app folder, with `latchkey.dev.json` when `config` is given. */
function appFolder(config?: unknown): string {
  const dir = join(work, `app-${++apps}`);
  mkdirSync(dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, "latchkey.dev.json"), JSON.stringify(config));
  return dir;
}

/** This run's environment without what would steer the instance or the app (CI's DATABASE_URL…). */
function ownEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(?:CLERK_|NEXT_PUBLIC_CLERK_|LATCHKEY_|DATABASE_URL$|PORT$)/.test(name),
    ),
  );
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `latchkey dev <args>` in `appDir`; `onOutput` sees stdout as it comes, with the child. */
function runDev(
  appDir: string,
  args: string[],
  env: Record<string, string>,
  onOutput?: (stdout: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", TSX, CLI, "dev", "--data-dir", join(appDir, ".data"), ...args],
      {
        cwd: appDir,
        // As `pnpm dev` in the app's folder would run it.
        env: {
          ...ownEnvironment(),
          INIT_CWD: appDir,
          npm_config_user_agent: "pnpm/10.0.0 npm/? node/v20",
          npm_lifecycle_event: "dev",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      onOutput?.(stdout, child);
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** No stack trace, no raw error code: a message for a person. */
function expectPlainMessage(run: Run): void {
  expect(run.stderr).not.toMatch(/EADDRINUSE|at .*\(.*:\d+:\d+\)|DevSetupError/);
}

/** The app command: prints what it was given, checks the instance, exits with `exitCode`. */
const REPORTING_APP = `
const env = process.env;
const health = await fetch(env.CLERK_API_URL + "/healthz");
const templates = await fetch(env.CLERK_API_URL + "/v1/jwt_templates", {
  headers: { Authorization: "Bearer " + env.CLERK_SECRET_KEY },
}).then((response) => response.json());
console.log("APP " + JSON.stringify({
  port: env.PORT,
  health: health.status,
  templates: (templates.data ?? templates).map((template) => template.name),
  webhookSecret: /^whsec_/.test(env.HOOK_SECRET ?? ""),
  signIn: env.NEXT_PUBLIC_CLERK_SIGN_IN_URL,
  publishable: /^pk_test_/.test(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ?? ""),
}));
process.exit(3);
`;

describe("latchkey dev", () => {
  it("stops before starting anything when the app's port is taken, saying which and how to pick another", async () => {
    const { server, port } = await listen();
    const instancePort = await freePort();
    const run = await runDev(appFolder(), [], {
      PORT: String(port),
      LATCHKEY_PORT: String(instancePort),
    }).finally(() => new Promise((done) => server.close(done)));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Port ${port} for the app (PORT, from the command line) is taken`);
    expect(run.stderr).toMatch(/PORT=\d+ pnpm dev/);
    expectPlainMessage(run);
    expect(run.stdout).not.toContain("Latchkey instance");
    expect(run.stdout).not.toContain("App ");
  }, 30_000);

  it("refuses a latchkey.dev.json with a bad field, naming it, before starting anything", async () => {
    const dir = appFolder({ webhooks: [{ path: "api/webhooks" }] });
    const run = await runDev(dir, [], { PORT: String(await freePort()), LATCHKEY_PORT: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("latchkey.dev.json: webhooks[0].path: must start with");
    expectPlainMessage(run);
    expect(run.stdout).not.toContain("Latchkey instance");
  }, 30_000);

  it("sets up the app's config, writes .env.local once, and stops the instance with the app's exit code", async () => {
    const dir = appFolder({
      jwtTemplates: [{ name: "backend", claims: { email: "{{user.primary_email_address}}" } }],
      webhooks: [{ path: "/hooks", signingSecretEnv: "HOOK_SECRET" }],
      env: { NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/login" },
    });
    const appPort = await freePort();
    const instancePort = await freePort();
    const env = { PORT: String(appPort), LATCHKEY_PORT: String(instancePort) };
    const app = ["--", process.execPath, "--input-type=module", "-e", REPORTING_APP];

    const first = await runDev(dir, app, env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(3);
    expect(first.stdout).toContain("Wrote .env.local");
    expect(first.stdout).toContain(`Latchkey instance  http://127.0.0.1:${instancePort}`);
    expect(first.stdout).toContain(`App                http://localhost:${appPort}`);
    const reported = JSON.parse(/^APP (.*)$/m.exec(first.stdout)?.[1] ?? "null");
    expect(reported).toEqual({
      port: String(appPort),
      health: 200,
      templates: ["backend"],
      webhookSecret: true,
      signIn: "/login",
      publishable: true,
    });
    expect(first.stdout).toContain("exited (3); stopping the instance");

    const envFile = join(dir, ".env.local");
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const written = readFileSync(envFile, "utf8");
    expect(written).toMatch(/^CLERK_SECRET_KEY=sk_test_/m);
    expect(written).toMatch(/^HOOK_SECRET=whsec_/m);
    expect(written).toContain(`CLERK_API_URL=http://localhost:${instancePort}`);
    expect(written).toContain("NEXT_PUBLIC_CLERK_SIGN_IN_URL=/login");

    // The instance's port is free again, and a second run keeps the file and the template.
    const second = await runDev(dir, app, env);
    expect(second.code).toBe(3);
    expect(second.stdout).not.toContain("Wrote");
    expect(readFileSync(envFile, "utf8")).toBe(written);
    expect(JSON.parse(/^APP (.*)$/m.exec(second.stdout)?.[1] ?? "null").templates).toEqual([
      "backend",
    ]);
  }, 90_000);

  it("reports a kept .env.local that names another instance port, and uses the running one", async () => {
    const dir = appFolder();
    const instancePort = await freePort();
    writeFileSync(join(dir, ".env.local"), "CLERK_API_URL=http://localhost:1\n");
    const run = await runDev(
      dir,
      ["--", process.execPath, "-e", "console.log('URL ' + process.env.CLERK_API_URL)"],
      { PORT: String(await freePort()), LATCHKEY_PORT: String(instancePort) },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Note: .env.local has CLERK_API_URL=http://localhost:1, but the instance runs with http://localhost:${instancePort}: using the instance's. Update or delete that line.`,
    );
    expect(run.stdout).toContain(`URL http://localhost:${instancePort}`);
  }, 60_000);

  it("on Ctrl-C stops the app and the instance, and exits 0", async () => {
    const dir = appFolder();
    const instancePort = await freePort();
    let appPid = 0;
    const run = await runDev(
      dir,
      [
        "--",
        process.execPath,
        "-e",
        "console.log('PID ' + process.pid); setInterval(() => {}, 1000);",
      ],
      { PORT: String(await freePort()), LATCHKEY_PORT: String(instancePort) },
      (stdout, child) => {
        const pid = /^PID (\d+)$/m.exec(stdout)?.[1];
        if (pid && !appPid) {
          appPid = Number(pid);
          child.kill("SIGINT");
        }
      },
    );
    expect(run.code).toBe(0);
    expect(appPid).toBeGreaterThan(0);
    expect(() => process.kill(appPid, 0)).toThrow();
    // The instance's port can be listened on again.
    const again = createServer();
    await new Promise<void>((done) => again.listen(instancePort, "127.0.0.1", done));
    await new Promise((done) => again.close(done));
  }, 60_000);

  it("says so, without a stack trace, when the app command does not exist", async () => {
    const run = await runDev(appFolder(), ["--", "no-such-command-for-latchkey"], {
      PORT: String(await freePort()),
      LATCHKEY_PORT: String(await freePort()),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Could not start `no-such-command-for-latchkey`");
    expect(run.stderr).toContain("command not found");
    expectPlainMessage(run);
  }, 60_000);
});
