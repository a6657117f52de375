// `pnpm dev`: checks the ports, starts a Latchkey instance (PGlite, port 4100), writes
// apps/demo/.env.local on the first run, then runs `next dev` on port 3000. Ctrl-C stops both.
// PORT and LATCHKEY_PORT given on the command line win over apps/demo/.env.local; a taken
// default port moves to the next free one, a taken port that was asked for stops here with a
// message (see dev-ports.ts).
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { devEnvironment } from "./dev-environment";
import { chooseDevPorts, DevSetupError, devPortSettings } from "./dev-ports";
import { readEnvFile } from "./read-env-file";

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(demoDir, "../..");
const envFile = join(demoDir, ".env.local");
const existing = readEnvFile(envFile);

// Both ports are checked before anything starts.
let ports: Awaited<ReturnType<typeof chooseDevPorts>>;
try {
  ports = await chooseDevPorts(devPortSettings(process.env, existing));
} catch (error) {
  if (!(error instanceof DevSetupError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}
for (const note of ports.notes) console.log(`Note: ${note}`);
const appUrl = `http://localhost:${ports.appPort}`;

// Loaded only now, so a port problem is reported without building or loading the server.
const { startDemoInstance } = await import("./start-demo-instance");
const { instance, env } = await startDemoInstance({
  port: ports.instancePort,
  // The instance lets this origin call its Frontend API and sends webhooks to it.
  appUrl,
  // Not in a folder `next dev` watches: the instance writes on every request, and Turbopack
  // would reload the page on each write. It ignores node_modules.
  dataDir: process.env.LATCHKEY_DATA_DIR || join(repoRoot, "node_modules", ".cache", "latchkey"),
  // A kept .env.local pins the keys, so it stays valid even after .latchkey is wiped.
  ...(existing.CLERK_SECRET_KEY ? { secretKey: existing.CLERK_SECRET_KEY } : {}),
  ...(existing.CLERK_WEBHOOK_SIGNING_SECRET
    ? { webhookSecret: existing.CLERK_WEBHOOK_SIGNING_SECRET }
    : {}),
});
if (!existsSync(envFile)) {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  const header = "# Written by `pnpm dev` for the local Latchkey instance. Keep it out of git.";
  writeFileSync(envFile, `${header}\n${lines.join("\n")}\n`, { mode: 0o600 });
  console.log(`Wrote ${envFile}`);
}

// Next reads .env.local itself, but variables set on the process win over the file: the file's
// values are handed on (an edited .env.local is respected) under the command line's, and the
// running instance's URL and key on top of both.
const app = devEnvironment({
  instanceEnv: env,
  envFile: existing,
  commandLine: process.env,
  appPort: ports.appPort,
});
for (const note of app.notes) console.log(`Note: ${note}`);

console.log(`Latchkey instance  ${instance.url}`);
console.log(`Dev mailbox        ${instance.publicUrl}/__dev/mailbox`);
console.log(`Demo app           ${appUrl}`);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "dev", "--port", String(ports.appPort)], {
  cwd: demoDir,
  stdio: "inherit",
  env: { ...process.env, ...app.env },
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await instance.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
