#!/usr/bin/env node
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DevSetupError } from "./dev/dev-setup-error.js";
import { runDev } from "./dev/run-dev.js";
import { IMPORT_USAGE, importCommand } from "./import/import-command.js";
import { CONSOLE_USAGE, consoleCommand } from "./instance/console-password-command.js";
import { loadOAuthConnections } from "./instance/load-oauth-connections.js";
import {
  STORAGE_FLAG_OPTIONS,
  STORAGE_FLAGS_USAGE,
  storageFromFlags,
} from "./instance/storage-flags.js";
import { consoleLogger } from "./logger.js";
import { parseOAuthConnectionSpec } from "./oauth/parse-oauth-connection-spec.js";
import { type RunningInstance, startInstance } from "./start-instance.js";

const START_USAGE = `Usage: latchkey start [options]

Starts a Clerk-compatible instance: Backend API at /v1, Frontend API at /__clerk, JWKS, webhooks.

Options:
  --port <n>             Port to listen on (default 4100; env PORT)
  --host <addr>          Interface to listen on (default 127.0.0.1)
${STORAGE_FLAGS_USAGE}
  --public-url <url>     Public origin of the instance (default http://localhost:<port>)
  --frontend-api-url <u> Where browsers reach the Frontend API, named by the publishable key
                         (default <public-url>/__clerk). For Clerk's own SDKs without an app
                         proxy: an https host of its own (e.g. https://clerk.example.com) that a
                         reverse proxy forwards to <public-url>/__clerk
  --seed <file>          Load users and organizations from a JSON seed file
  --write-env <file>     Write the app's environment lines to <file> when it does not exist,
                         instead of printing them
  --webhook <url>        Deliver webhooks to <url> (repeatable; env LATCHKEY_WEBHOOK_URL). The
                         secret comes from LATCHKEY_WEBHOOK_SECRET (whsec_…) or is generated
  --allowed-origin <o>   An origin allowed to call the Frontend API from a browser and to be
                         redirected to (repeatable; default in development: the instance's own
                         and http://localhost:3000; required with --production)
  --trust-proxy <p>      A proxy whose X-Forwarded-For / X-Forwarded-Proto are believed: an
                         address, a CIDR block, "loopback" or "private" (repeatable; env
                         LATCHKEY_TRUST_PROXY, comma-separated). Default: none — the headers are
                         ignored; an app's /__clerk proxy signs what it forwards instead
  --oauth <spec>         Offer sign-in with a provider (repeatable; env LATCHKEY_OAUTH, specs
                         separated by spaces): google:<client id>:<secret>,
                         github:<id>:<secret>, microsoft:<id>:<secret>, or any OpenID Connect
                         provider as custom_<name>:<id>:<secret>@<issuer url>; ?scopes=a,b at
                         the end replaces the default scopes
  --oauth-file <file>    Providers as JSON: { "connections": [{ "provider": "google", "clientId":
                         "…", "clientSecretEnv": "GOOGLE_CLIENT_SECRET", "scopes"?, "name"?,
                         "issuer" (custom_<name> only) }] } (env LATCHKEY_OAUTH_FILE)
  --oauth-callback-url <u> The redirect URI registered at the providers (env
                         LATCHKEY_OAUTH_CALLBACK_URL; default: the Frontend API as the browser
                         reaches it + /v1/oauth_callback, e.g. https://app.example.com/__clerk/…)
  --production           A production instance: pk_live_/sk_live_ keys, Secure cookies, no
                         default origins, the secret key never printed (needs --allowed-origin
                         and LATCHKEY_SMTP_URL or LATCHKEY_MAIL_TRANSPORT)
  --no-webhook-worker    Do not deliver webhooks from this process
  --console              Serve the admin console at /console in production (env
                         LATCHKEY_CONSOLE=1; on by default in development)
  --no-console           Do not serve the admin console
  -h, --help             Show this help

Environment: CLERK_SECRET_KEY pins the secret key (default: made on first start and kept);
LATCHKEY_MAIL_TRANSPORT (mailbox | console | smtp), LATCHKEY_SMTP_URL, LATCHKEY_MAIL_FROM.`;

const DEV_USAGE = `Usage: latchkey dev [options] [-- <app command…>]

Runs your app in development beside its own instance: checks both ports, starts the instance
(PGlite), sets up what the app's latchkey.dev.json asks for, writes the app's .env.local on the
first run, then runs the app command (default: next dev) with the instance's keys in its
environment and PORT set. Ctrl-C stops both; when the app exits, the instance stops.

Options:
  --app-dir <dir>        The app's folder (default: the working directory)
  --config <file>        The app's dev config (default <app-dir>/latchkey.dev.json; optional)
  --data-dir <dir>       PGlite data directory (default <app-dir>/node_modules/.cache/latchkey,
                         outside what next dev watches; env LATCHKEY_DATA_DIR)
  --database-url <url>   Use PostgreSQL instead of PGlite for the instance
  -h, --help             Show this help

Ports: PORT (the app, default 3000) and LATCHKEY_PORT (the instance, default 4100), from the
command line, else from .env.local. A taken default moves to the next free port; a taken port
you asked for stops here with a message saying which, and how to pick another.

latchkey.dev.json (every field optional; unknown fields are refused):
  {
    "jwtTemplates": [{ "name": "backend", "claims": { "email": "{{user.primary_email_address}}" },
                       "lifetime": 60 }],
    "webhooks": [{ "path": "/api/webhooks", "signingSecretEnv": "CLERK_WEBHOOK_SIGNING_SECRET",
                   "eventTypes": ["user.created"], "description": "…" }],
    "env": { "NEXT_PUBLIC_CLERK_SIGN_IN_URL": "/sign-in" },
    "frontendApiProxy": "/__clerk"
  }
  Templates are created when missing; each webhook endpoint delivers to <app origin><path>, and
  its signing secret goes into the app's environment as signingSecretEnv; env adds lines.
  frontendApiProxy is for an app on Clerk's own @clerk/nextjs that forwards the Frontend API at
  that path (clerkMiddleware's frontendApiProxy): it also gets NEXT_PUBLIC_CLERK_PROXY_URL and
  CLERK_FAPI_URL (the instance's Frontend API).`;

const USAGE = `Usage: latchkey <command> [options]

Commands:
  start          Run an instance (production or development)
  dev            Run an app in development beside its own instance
  import clerk   Import users from Clerk's exports (ids and passwords kept)
  console set-password  Set the admin console's password

${START_USAGE}

${DEV_USAGE}

${IMPORT_USAGE}

${CONSOLE_USAGE}`;

/** The secret key as it may be printed: its prefix and last four characters. */
function maskedSecretKey(secretKey: string): string {
  return `${secretKey.slice(0, 8)}…${secretKey.slice(-4)}`;
}

/** The `.env.local` lines an app needs to use the instance; the secret key masked on request. */
function envLines(instance: RunningInstance, mask = false): string {
  return [
    mask
      ? `CLERK_SECRET_KEY=${maskedSecretKey(instance.secretKey)}  # hidden: use --write-env <file>`
      : `CLERK_SECRET_KEY=${instance.secretKey}`,
    `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${instance.publishableKey}`,
    `CLERK_API_URL=${instance.publicUrl}`,
    "",
  ].join("\n");
}

/** `--console` / `--no-console` / `LATCHKEY_CONSOLE` as `startInstance`'s option (default: its own). */
function consoleChoice(
  on: boolean | undefined,
  off: boolean | undefined,
  env: string | undefined,
): { console?: { enabled: boolean } } {
  if (on && off) throw new Error("Give either --console or --no-console, not both.");
  if (on || env === "1" || env === "true") return { console: { enabled: true } };
  if (off || env === "0" || env === "false") return { console: { enabled: false } };
  return {};
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      ...STORAGE_FLAG_OPTIONS,
      "public-url": { type: "string" },
      "frontend-api-url": { type: "string" },
      seed: { type: "string" },
      "write-env": { type: "string" },
      "no-webhook-worker": { type: "boolean" },
      webhook: { type: "string", multiple: true },
      "allowed-origin": { type: "string", multiple: true },
      "trust-proxy": { type: "string", multiple: true },
      oauth: { type: "string", multiple: true },
      "oauth-callback-url": { type: "string" },
      "oauth-file": { type: "string" },
      production: { type: "boolean" },
      console: { type: "boolean" },
      "no-console": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(START_USAGE);
    return;
  }
  const portText = values.port ?? process.env.PORT ?? "4100";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number (0–65535), got "${portText}".`);
  }
  const storage = storageFromFlags(values, process.env.DATABASE_URL);
  const webhookUrls = [
    ...(values.webhook ?? []),
    ...(process.env.LATCHKEY_WEBHOOK_URL ? [process.env.LATCHKEY_WEBHOOK_URL] : []),
  ];
  const webhookSecret = process.env.LATCHKEY_WEBHOOK_SECRET;
  const trustedProxies = [
    ...(values["trust-proxy"] ?? []),
    ...(process.env.LATCHKEY_TRUST_PROXY ?? "").split(",").filter((entry) => entry.trim() !== ""),
  ];
  const connections = [
    ...(values.oauth ?? []),
    ...(process.env.LATCHKEY_OAUTH ?? "").split(/\s+/).filter((spec) => spec !== ""),
  ].map(parseOAuthConnectionSpec);
  const oauthFile = values["oauth-file"] ?? process.env.LATCHKEY_OAUTH_FILE;
  if (oauthFile) connections.push(...loadOAuthConnections(oauthFile, process.env));
  const oauthCallbackUrl = values["oauth-callback-url"] ?? process.env.LATCHKEY_OAUTH_CALLBACK_URL;
  const instance = await startInstance({
    ...(connections.length > 0
      ? { oauth: { connections, ...(oauthCallbackUrl ? { callbackUrl: oauthCallbackUrl } : {}) } }
      : {}),
    webhooks: webhookUrls.map((url) => ({
      url,
      ...(webhookSecret ? { secret: webhookSecret } : {}),
    })),
    ...(values["allowed-origin"] ? { allowedOrigins: values["allowed-origin"] } : {}),
    ...(trustedProxies.length > 0 ? { trustedProxies } : {}),
    instanceType: values.production ? "production" : "development",
    port,
    ...(values.host ? { hostname: values.host } : {}),
    ...storage,
    ...(values["public-url"] ? { publicUrl: values["public-url"] } : {}),
    ...(values["frontend-api-url"] ? { frontendApiUrl: values["frontend-api-url"] } : {}),
    ...(values.seed ? { seedFile: values.seed } : {}),
    ...(process.env.CLERK_SECRET_KEY ? { secretKey: process.env.CLERK_SECRET_KEY } : {}),
    webhookWorker: !values["no-webhook-worker"],
    ...consoleChoice(values.console, values["no-console"], process.env.LATCHKEY_CONSOLE),
    logger: consoleLogger,
  });
  const storageLabel = storage.databaseUrl
    ? "PostgreSQL"
    : `PGlite (${storage.dataDir ?? ".latchkey/pglite"})`;
  console.log(`Latchkey instance on ${instance.url} — ${storageLabel}`);
  if (instance.seed) console.log(`Seed: ${JSON.stringify(instance.seed)}`);
  if (instance.consoleUrl !== null) {
    console.log(`Console: ${instance.consoleUrl} (sign in with the secret key)`);
  }
  if (connections.length > 0) {
    console.log(`Social sign-in: ${connections.map((c) => c.strategy).join(", ")}`);
  }
  const envFile = values["write-env"];
  if (envFile) {
    if (existsSync(envFile)) console.log(`${envFile} exists; left as it is.`);
    else {
      await writeFile(envFile, envLines(instance), { mode: 0o600 });
      console.log(`Wrote ${envFile}.`);
    }
  } else {
    // A production secret key is never printed: logs outlive terminals.
    console.log(`\nAdd to your app's .env.local:\n\n${envLines(instance, values.production)}`);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down…`);
    instance.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

async function dev(args: string[]): Promise<void> {
  const split = args.indexOf("--");
  const { values } = parseArgs({
    args: split === -1 ? args : args.slice(0, split),
    options: {
      "app-dir": { type: "string" },
      config: { type: "string" },
      ...STORAGE_FLAG_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(DEV_USAGE);
    return;
  }
  // The app's own DATABASE_URL is not the instance's: only the option chooses PostgreSQL.
  const storage = storageFromFlags(values, undefined);
  const appCommand = split === -1 ? [] : args.slice(split + 1);
  if (split !== -1 && appCommand.length === 0) {
    throw new Error("Nothing after --: name the app command, e.g. latchkey dev -- next dev.");
  }
  const code = await runDev({
    ...(values["app-dir"] ? { appDir: values["app-dir"] } : {}),
    ...(values.config ? { configFile: values.config } : {}),
    ...storage,
    ...(appCommand.length > 0 ? { appCommand } : {}),
  });
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "start") return start(rest);
  if (command === "dev") return dev(rest);
  if (command === "import") return importCommand(rest);
  if (command === "console") return consoleCommand(rest);
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  throw new Error(`Unknown command "${command}". Run: latchkey --help`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Expected set-up problems (a taken port, a bad latchkey.dev.json) are told, not traced.
  if (error instanceof DevSetupError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  console.error(`latchkey: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
