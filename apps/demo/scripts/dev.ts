// `pnpm dev`: starts a Latchkey instance (PGlite in <repo>/.latchkey, port 4100), prepares it for
// the demo, writes apps/demo/.env.local on first run, then runs `next dev` on port 3000.
// Ctrl-C stops both.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startInstance } from "@latchkey/server";
import { prepareInstance } from "./prepare-instance";

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
const instance = await startInstance({
  port: instancePort,
  dataDir: join(repoRoot, ".latchkey", "pglite"),
  // An existing .env.local pins the secret key, so it stays valid even if .latchkey is wiped.
  ...(existing.CLERK_SECRET_KEY ? { secretKey: existing.CLERK_SECRET_KEY } : {}),
});
const { webhookSecret } = await prepareInstance(
  instance,
  appUrl,
  existing.CLERK_WEBHOOK_SIGNING_SECRET,
);

const env: Record<string, string> = {
  CLERK_SECRET_KEY: instance.secretKey,
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
  CLERK_API_URL: instance.publicUrl,
  CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret,
  NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
  NEXT_PUBLIC_CLERK_SIGN_UP_URL: "/sign-up",
};
if (Object.keys(existing).length === 0) {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  writeFileSync(envFile, `# Written by pnpm dev for the local Latchkey instance.\n${lines.join("\n")}\n`, {
    mode: 0o600,
  });
  console.log(`Wrote ${envFile}`);
}

console.log(`Latchkey instance: ${instance.url}  (dev mailbox: ${instance.publicUrl}/__dev/mailbox)`);
console.log(`Demo app:          ${appUrl}`);

// Values from .env.local win over the instance's (Next reads the file, but process variables
// take precedence over it, so pass the file's values on).
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next: ChildProcess = spawn(process.execPath, [nextBin, "dev", "--port", String(appPort)], {
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
