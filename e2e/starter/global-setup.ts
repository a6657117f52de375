// The starter, proven outside the repository: creates an app with create-latchkey-app (built by
// `pnpm build`) in a fresh folder under the system's temporary folder, installs it with npm from
// its vendored tarballs (third-party packages from the npm registry or npm's cache), builds it
// with `next build`, and starts it with its own runner, `latchkey dev` of the vendored
// @latchkey/server, as `latchkey dev -- next start`. The spec drives Chromium through it. Each
// step's time is printed; logs go to test-results/starter-logs/. LATCHKEY_KEEP_STARTER=1 keeps
// the folder.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PASSWORD } from "../fixtures";
import { logFile, scanLogs } from "../log-scan";

const root = resolve(import.meta.dirname, "../..");
const createAppCli = join(root, "packages", "create-latchkey-app", "dist", "cli.js");

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? ok(address.port) : fail()));
    });
  });
}

/**
 * Names this run's environment may hold that a user's shell would not: what pnpm passes to
 * scripts (`npm_config_*`, `INIT_CWD`…), and the repository's test settings (CI sets
 * `DATABASE_URL`; `PORT`, `CLERK_*` and `LATCHKEY_*` would steer `latchkey dev`).
 */
const NOT_A_USERS =
  /^(?:npm_|pnpm_|INIT_CWD$|DATABASE_URL$|PORT$|CLERK_|NEXT_PUBLIC_CLERK_|LATCHKEY_|E2E_|DEMO_)/i;

/** The environment of this run as a user's machine would have it: the app reads its own files. */
function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!NOT_A_USERS.test(key)) env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs a command to its end, its output to `log`; rejects with the log's tail on failure. */
function run(
  label: string,
  command: string,
  args: string[],
  options: { cwd: string; log: (line: string) => void; timeoutMs: number },
): Promise<void> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: userEnvironment(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    const record = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.log(text);
      tail = (tail + text).slice(-4000);
    };
    child.stdout.on("data", record);
    child.stderr.on("data", record);
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.once("error", fail);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`starter: ${label} ${seconds} s`);
        done();
      } else {
        fail(
          new Error(`starter: ${label} failed (${signal ?? code}) after ${seconds} s:\n${tail}`),
        );
      }
    });
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode})`);
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  return exited;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(createAppCli)) {
    throw new Error(`${createAppCli} is missing: run \`pnpm build\` first.`);
  }
  const setupStarted = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), "latchkey-starter-"));
  const appDir = join(workDir, "my-app");
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const logsDir = join(root, "test-results", "starter-logs", runId);
  const setupLog = logFile(join(logsDir, "setup.log"));
  // The instance's and the app's lines: `latchkey dev` runs both.
  const devLogPath = join(logsDir, "dev.log");
  const children: ChildProcess[] = [];

  const teardown = async () => {
    for (const child of children.reverse()) await stop(child);
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: a debugging switch, not a build input.
    if (process.env.LATCHKEY_KEEP_STARTER === "1") console.log(`starter: kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await run("create-latchkey-app", process.execPath, [createAppCli, appDir], {
      cwd: workDir,
      log: setupLog,
      timeoutMs: 120_000,
    });
    // Offline apart from the registry: the @latchkey/* packages come from vendor/, the rest from
    // npm's cache when it has them.
    await run("npm install", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: appDir,
      log: setupLog,
      timeoutMs: 600_000,
    });
    await run(
      "next build",
      process.execPath,
      [join(appDir, "node_modules", "next", "dist", "bin", "next"), "build"],
      { cwd: appDir, log: setupLog, timeoutMs: 600_000 },
    );

    const instancePort = await freePort();
    const appPort = await freePort();
    const appUrl = `http://localhost:${appPort}`;
    const instanceUrl = `http://localhost:${instancePort}`;
    const writeDevLog = logFile(devLogPath);
    // The app's own runner, `latchkey dev` from the vendored @latchkey/server, as `npm run dev`
    // runs it: it sets up what latchkey.dev.json asks for, writes .env.local and starts the app,
    // here the built one (`next start`) instead of `next dev`.
    const dev = spawn(
      join(appDir, "node_modules", ".bin", "latchkey"),
      ["dev", "--data-dir", join(workDir, "latchkey"), "--", "next", "start"],
      {
        cwd: appDir,
        env: userEnvironment({ PORT: String(appPort), LATCHKEY_PORT: String(instancePort) }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(dev);
    dev.stdout?.on("data", (chunk: Buffer) => writeDevLog(chunk.toString("utf8")));
    dev.stderr?.on("data", (chunk: Buffer) => {
      writeDevLog(chunk.toString("utf8"));
      process.stderr.write(chunk);
    });
    const devStarted = Date.now();
    await waitFor(
      `latchkey dev did not write .env.local, answer /healthz and start the app on ${appUrl}`,
      async () =>
        existsSync(join(appDir, ".env.local")) &&
        (await fetch(`${instanceUrl}/healthz`)).status === 200 &&
        (await fetch(`${appUrl}/`, { redirect: "manual" })).status < 500,
      dev,
      90_000,
    );
    console.log(`starter: latchkey dev ${((Date.now() - devStarted) / 1000).toFixed(1)} s`);
    const written = readFileSync(join(appDir, ".env.local"), "utf8");
    const secretKey = /^CLERK_SECRET_KEY=(\S+)$/m.exec(written)?.[1];
    const webhookSecret = /^CLERK_WEBHOOK_SIGNING_SECRET=(\S+)$/m.exec(written)?.[1];
    if (!secretKey || !webhookSecret) {
      throw new Error(
        "latchkey dev wrote no CLERK_SECRET_KEY or webhook signing secret to .env.local",
      );
    }
    console.log(`starter: ready after ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    // Read by the specs through e2e/fixtures.ts (workers inherit the runner's environment).
    process.env.E2E_BASE_URL = appUrl;
    process.env.E2E_INSTANCE_URL = instanceUrl;

    return async () => {
      await teardown();
      const findings = scanLogs([devLogPath], {
        "the secret key": [secretKey],
        "the webhook signing secret": [webhookSecret],
        "a password": [PASSWORD],
        "an email code": ["424242"],
      });
      if (findings.length > 0) {
        throw new Error(`Secrets found in the starter's logs:\n${findings.join("\n")}`);
      }
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
