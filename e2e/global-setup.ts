// Starts what the end-to-end tests drive: a fresh Latchkey instance (PGlite under test-results/,
// or a fresh schema of DATABASE_URL) with a short session token lifetime and a small lockout
// threshold (e2e-settings.ts), set up as `pnpm dev` sets it up (the demo's latchkey.dev.json: its
// JWT template and webhook endpoint), and the demo app (`next start`, built once) on a free port.
// Returns the teardown.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import {
  DEV_CONFIG_FILE,
  importClerkUsers,
  loadDevConfig,
  startDevInstance,
} from "@latchkey/server";
import { CLERK_EXPORT_CSV } from "./clerk-export";
import { E2E_CLIENT_IP_HEADER, E2E_MAX_ATTEMPTS, E2E_TOKEN_LIFETIME_SECONDS } from "./e2e-settings";
import { logFile, SPEC_PASSWORDS, scanLogs } from "./log-scan";

const root = resolve(import.meta.dirname, "..");
const demoDir = join(root, "apps", "demo");
const demoRequire = createRequire(join(demoDir, "package.json"));

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

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
  throw new Error(`The demo did not answer on ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const nextBin = demoRequire.resolve("next/dist/bin/next");
  // `pnpm test` builds the demo (turbo `build`) before Playwright runs; build here only when it
  // has not been built, so Next is never built twice in one run.
  if (!existsSync(join(demoDir, ".next", "BUILD_ID"))) {
    execFileSync(process.execPath, [nextBin, "build"], { cwd: demoDir, stdio: "inherit" });
  }

  const runId = `${Date.now().toString(36)}${process.pid}`;
  const dataDir = join(root, "test-results", "e2e-data", runId);
  mkdirSync(dataDir, { recursive: true });
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: picks the e2e database, not a build input.
  const databaseUrl = process.env.DATABASE_URL;
  const instanceSchema = `e2e_${runId}`;
  const demoSchema = `e2e_demo_${runId}`;

  const logsDir = join(root, "test-results", "e2e-logs", runId);
  const instanceLog = join(logsDir, "instance.log");
  const appLog = join(logsDir, "demo.log");
  const writeInstanceLog = logFile(instanceLog);
  const writeAppLog = logFile(appLog);

  const appPort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const { instance, env } = await startDevInstance({
    port: 0,
    appUrl,
    config: loadDevConfig(join(demoDir, DEV_CONFIG_FILE), { required: true }),
    ...(databaseUrl
      ? { databaseUrl, schema: instanceSchema }
      : { dataDir: join(dataDir, "latchkey") }),
    settings: {
      sessionTokenLifetimeSeconds: E2E_TOKEN_LIFETIME_SECONDS,
      maxVerificationAttempts: E2E_MAX_ATTEMPTS,
    },
    // Every line goes to the log file (scanned for secrets at teardown); errors also to the console.
    logger: {
      info: (message, fields) =>
        writeInstanceLog(JSON.stringify({ level: "info", message, ...fields })),
      error: (message, fields) => {
        writeInstanceLog(JSON.stringify({ level: "error", message, ...fields }));
        console.error(message, fields ?? {});
      },
    },
  });

  // A user moved off Clerk's cloud (e2e/import-from-clerk.spec.ts), as `latchkey import clerk` does.
  const imported = await importClerkUsers({ store: instance.store, csv: CLERK_EXPORT_CSV });
  if (imported.created !== 1 || imported.refused.length > 0) {
    await instance.close();
    throw new Error(`The Clerk export fixture did not import: ${JSON.stringify(imported)}`);
  }

  const next = spawn(process.execPath, [nextBin, "start", "--port", String(appPort)], {
    cwd: demoDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LATCHKEY_CLIENT_IP_HEADER: E2E_CLIENT_IP_HEADER,
      ...(databaseUrl
        ? { DEMO_DATABASE_URL: databaseUrl, DEMO_DATABASE_SCHEMA: demoSchema }
        : { DEMO_DATA_DIR: join(dataDir, "demo") }),
    },
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

  // Read by the tests (workers inherit the runner's environment).
  process.env.E2E_BASE_URL = appUrl;
  process.env.E2E_INSTANCE_URL = instance.url;
  // The admin console's sign-in (e2e/console.spec.ts); the log scan proves it is never logged.
  process.env.E2E_INSTANCE_SECRET_KEY = instance.secretKey;

  return async () => {
    const exited = new Promise((done) => next.once("exit", done));
    next.kill("SIGTERM");
    await exited;
    const emails = await instance.store.listEmails({}, { limit: 500, offset: 0 });
    const codes = emails.flatMap((email) => {
      const code = email.data.otp_code;
      return typeof code === "string" ? [code] : [];
    });
    await instance.close();
    const findings = scanLogs([instanceLog, appLog], {
      "the secret key": [instance.secretKey],
      "the webhook signing secret": env.CLERK_WEBHOOK_SIGNING_SECRET
        ? [env.CLERK_WEBHOOK_SIGNING_SECRET]
        : [],
      "a password": SPEC_PASSWORDS,
      "an email code": [...codes, "424242"],
    });
    if (codes.length === 0)
      findings.push("no email codes were recorded: the scan would prove nothing");
    if (findings.length > 0) {
      throw new Error(`Secrets found in the logs of the end-to-end run:\n${findings.join("\n")}`);
    }
    if (databaseUrl) {
      // `pg` is the demo's dependency; loaded from there.
      const pg = demoRequire("pg") as { Client: new (config: object) => PgClient };
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${instanceSchema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${demoSchema} CASCADE`);
      await client.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
