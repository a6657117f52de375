// `pnpm dev`: starts a Latchkey instance (PGlite, port 4100), writes
// apps/demo/.env.local on the first run, then runs `next dev` on port 3000. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startDemoInstance } from "./start-demo-instance";

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(demoDir, "../..");
const envFile = join(demoDir, ".env.local");
const instancePort = Number(process.env.LATCHKEY_PORT || 4100);
const appPort = Number(process.env.PORT || 3000);
const appUrl = `http://localhost:${appPort}`;

/** `KEY=value` lines of a dotenv file (no quoting or expansion: the file is ours). */
function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const entries = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1], match[2]] as const);
  return Object.fromEntries(entries);
}

const existing = readEnvFile(envFile);
const { instance, env } = await startDemoInstance({
  port: instancePort,
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

console.log(`Latchkey instance  ${instance.url}`);
console.log(`Dev mailbox        ${instance.publicUrl}/__dev/mailbox`);
console.log(`Demo app           ${appUrl}`);

// Next reads .env.local itself, but variables set on the process win over the file: hand the
// file's values on so an edited .env.local is respected.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "dev", "--port", String(appPort)], {
  cwd: demoDir,
  stdio: "inherit",
  env: { ...process.env, ...env, ...existing },
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
