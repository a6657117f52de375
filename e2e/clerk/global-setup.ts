// Starts what the Clerk-SDK specs drive: a fresh Latchkey instance (PGlite under test-results/)
// set up as `pnpm dev` sets it up for apps/clerk-demo (its latchkey.dev.json: the Frontend API
// proxy variables, the JWT template, the webhook endpoint), and clerk-demo itself (`next start`,
// built once) on a free port with only that environment. The session token keeps Clerk's usual
// lifetime (60 s): one spec waits past it. Returns the teardown, which scans the logs for secrets.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { DEV_CONFIG_FILE, loadDevConfig, startDevInstance } from "@latchkey/server";
import { logFile, SPEC_PASSWORDS, scanLogs } from "../log-scan";
import { CLERK_TEST_CODE, SESSION_TOKEN_LIFETIME_SECONDS } from "./clerk-fixtures";

const root = resolve(import.meta.dirname, "../..");
const appDir = join(root, "apps", "clerk-demo");
const appRequire = createRequire(join(appDir, "package.json"));

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

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`clerk-demo did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * A publishable key written into the build. `next build` inlines the NEXT_PUBLIC_* variables it
 * sees (from apps/clerk-demo/.env.local, written by `pnpm dev`), and an inlined key would point
 * the app at that instance instead of this run's.
 */
function bakedPublishableKey(dir: string): string | undefined {
  const key = /pk_(?:test|live)_[A-Za-z0-9+/=]{8,}/;
  const walk = (folder: string): string | undefined => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (entry.name.endsWith(".js")) {
        const found = key.exec(readFileSync(path, "utf8"))?.[0];
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(join(dir, ".next", "server"));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const nextBin = appRequire.resolve("next/dist/bin/next");
  // `pnpm test` builds the app (turbo `build`) before Playwright runs; build here only when it
  // has not been built, so Next is never built twice in one run.
  if (!existsSync(join(appDir, ".next", "BUILD_ID"))) {
    execFileSync(process.execPath, [nextBin, "build"], {
      cwd: appDir,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  if (bakedPublishableKey(appDir)) {
    throw new Error(
      "apps/clerk-demo/.next was built with NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY set (from apps/clerk-demo/.env.local, written by `pnpm dev`): the specs need a build without it. Move .env.local away and rebuild: pnpm --filter @latchkey/clerk-demo build",
    );
  }

  const runId = `${Date.now().toString(36)}${process.pid}`;
  const dataDir = join(root, "test-results", "clerk-e2e-data", runId);
  mkdirSync(dataDir, { recursive: true });
  const logsDir = join(root, "test-results", "clerk-e2e-logs", runId);
  const instanceLog = join(logsDir, "instance.log");
  const appLog = join(logsDir, "clerk-demo.log");
  const writeInstanceLog = logFile(instanceLog);
  const writeAppLog = logFile(appLog);

  const appPort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const { instance, env } = await startDevInstance({
    port: 0,
    appUrl,
    config: loadDevConfig(join(appDir, DEV_CONFIG_FILE), { required: true }),
    dataDir: join(dataDir, "latchkey"),
    settings: { sessionTokenLifetimeSeconds: SESSION_TOKEN_LIFETIME_SECONDS },
    logger: {
      info: (message, fields) =>
        writeInstanceLog(JSON.stringify({ level: "info", message, ...fields })),
      error: (message, fields) => {
        writeInstanceLog(JSON.stringify({ level: "error", message, ...fields }));
        console.error(message, fields ?? {});
      },
    },
  });
  writeInstanceLog(
    JSON.stringify({ level: "info", message: "app environment", names: Object.keys(env) }),
  );

  // Only the variables `pnpm dev` writes point the app at the instance; none of this run's
  // own CLERK_* or NEXT_PUBLIC_CLERK_* variables leak in.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CLERK_|NEXT_PUBLIC_CLERK_)/.test(name)),
  );
  const next = spawn(process.execPath, [nextBin, "start", "--port", String(appPort)], {
    cwd: appDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...inherited, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  next.stdout?.on("data", (chunk: Buffer) => writeAppLog(chunk.toString("utf8")));
  next.stderr?.on("data", (chunk: Buffer) => {
    writeAppLog(chunk.toString("utf8"));
    process.stderr.write(chunk);
  });
  try {
    await waitUntilUp(`${appUrl}/`, next, 60_000);
  } catch (error) {
    next.kill("SIGTERM");
    await instance.close();
    throw error;
  }
  console.log(
    `clerk-demo ${appUrl} against ${instance.url} (logs: ${logsDir}), ready in ${Date.now() - startedAt} ms`,
  );

  // Read by the specs (workers inherit the runner's environment).
  process.env.E2E_BASE_URL = appUrl;
  process.env.E2E_INSTANCE_URL = instance.url;
  process.env.E2E_CLERK_SECRET_KEY = instance.secretKey;
  process.env.E2E_CLERK_LOGS = logsDir;

  return async () => {
    const exited = new Promise((done) => next.once("exit", done));
    next.kill("SIGTERM");
    await exited;
    await instance.close();
    const findings = scanLogs([instanceLog, appLog], {
      "the secret key": [instance.secretKey],
      "the webhook signing secret": env.CLERK_WEBHOOK_SIGNING_SECRET
        ? [env.CLERK_WEBHOOK_SIGNING_SECRET]
        : [],
      "a password": SPEC_PASSWORDS,
      "an email code": [CLERK_TEST_CODE],
    });
    if (findings.length > 0) {
      throw new Error(`Secrets found in the logs of the Clerk-SDK run:\n${findings.join("\n")}`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
