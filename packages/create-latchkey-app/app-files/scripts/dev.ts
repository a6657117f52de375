// `npm run dev` (or `pnpm dev`): starts a Latchkey instance, writes .env.local with its keys on the
// first run, then runs `next dev`. Ctrl-C stops both.
//
// The instance keeps its data (an embedded PGlite database) in node_modules/.cache/latchkey, out
// of the folders `next dev` watches: it writes on every request, and a watched folder would
// reload the page each time. LATCHKEY_DATA_DIR moves it; PORT and LATCHKEY_PORT set the ports.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClerkClient } from "@latchkey/nextjs/server";
import { startInstance } from "@latchkey/server";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const envFile = join(appDir, ".env.local");
const instancePort = Number(process.env.LATCHKEY_PORT || 4100);
const appPort = Number(process.env.PORT || 3000);
const appUrl = `http://localhost:${appPort}`;

/** The JWT template `app/api/token/route.ts` asks for, and the claims it adds. */
const TOKEN_TEMPLATE = {
  name: "demo-backend",
  claims: {
    email: "{{user.primary_email_address}}",
    org: "{{org.slug}}",
    role: "{{org.role}}",
  },
};

/** `KEY=value` lines of a dotenv file (no quoting or expansion: the file is written here). */
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
  dataDir: process.env.LATCHKEY_DATA_DIR || join(appDir, "node_modules", ".cache", "latchkey"),
  allowedOrigins: [appUrl],
  // A kept .env.local pins the secret key, so it stays valid after the data folder is wiped.
  ...(existing.CLERK_SECRET_KEY ? { secretKey: existing.CLERK_SECRET_KEY } : {}),
});

let env: Record<string, string>;
try {
  // Made through the Backend API, as any admin script of yours could; only when missing.
  const clerk = createClerkClient({ secretKey: instance.secretKey, apiUrl: instance.url });
  const templates = await clerk.jwtTemplates.list({ limit: 100 });
  if (!templates.data.some((template) => template.name === TOKEN_TEMPLATE.name)) {
    await clerk.jwtTemplates.create(TOKEN_TEMPLATE);
  }
  // Events (user.created, …) are delivered to app/api/webhooks/route.ts.
  const endpoint = await instance.store.ensureWebhookEndpoint({
    url: `${appUrl}/api/webhooks`,
    ...(existing.CLERK_WEBHOOK_SIGNING_SECRET
      ? { secret: existing.CLERK_WEBHOOK_SIGNING_SECRET }
      : {}),
    description: "Keeps /synced-users up to date",
  });
  env = {
    CLERK_SECRET_KEY: instance.secretKey,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
    CLERK_API_URL: instance.publicUrl,
    CLERK_WEBHOOK_SIGNING_SECRET: endpoint.secret,
    NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
    NEXT_PUBLIC_CLERK_SIGN_UP_URL: "/sign-up",
  };
} catch (error) {
  await instance.close();
  throw error;
}

if (!existsSync(envFile)) {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  const header = "# Written by `npm run dev` for the local Latchkey instance. Keep it out of git.";
  writeFileSync(envFile, `${header}\n${lines.join("\n")}\n`, { mode: 0o600 });
  console.log(`Wrote ${envFile}`);
}

console.log(`Latchkey instance  ${instance.url}`);
console.log(`Dev mailbox        ${instance.publicUrl}/__dev/mailbox`);
console.log(`App                ${appUrl}`);

// Next reads .env.local itself, but variables set on the process win over the file: hand the
// file's values on so that an edited .env.local is respected.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "dev", "--port", String(appPort)], {
  cwd: appDir,
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
