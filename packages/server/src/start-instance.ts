import { type Clock, systemClock } from "./clock.js";
import type { ConsoleOptions } from "./console/console-setup.js";
import { createHandler, type FetchHandler } from "./create-handler.js";
import { ensureWebhookEndpoint } from "./flows/webhook-endpoints/create-webhook-endpoint.js";
import type { AnyRoute } from "./http/define-route.js";
import { createTrustedProxies } from "./http/frontend-api/trusted-proxies.js";
import { backendApiRoutes } from "./http/routes/backend-api-routes.js";
import { frontendApiRoutes } from "./http/routes/frontend/frontend-api-routes.js";
import { type NodeServer, serveNode } from "./http/serve-node.js";
import { ensureInstanceSecretKey, InstanceConfigError } from "./instance/instance-secret-key.js";
import { loadSeed, type SeedReport } from "./instance/load-seed.js";
import type { InstanceSettings } from "./instance-settings.js";
import { consoleLogger, type Logger } from "./logger.js";
import { createMailer } from "./mail/create-mailer.js";
import { describeMailTransport } from "./mail/describe-mail-transport.js";
import { mailConfigFromEnv } from "./mail/mail-config-from-env.js";
import type { OAuthConnection } from "./oauth/oauth-connection.js";
import { defaultDataDir, openStore } from "./store/open-store.js";
import type { Store } from "./store/store.js";
import {
  canonicalFrontendApiUrl,
  clerkSdksAcceptHost,
  publishableKeyFor,
} from "./tokens/publishable-key.js";
import { createSigningKeyRing } from "./tokens/signing-key-ring.js";
import { startWebhookWorker, type WebhookWorker } from "./webhooks/start-webhook-worker.js";
import { webhookEventData } from "./wire/webhook-event-data.js";

/** Options of {@link startInstance}; the CLI's flags map onto these. */
export interface StartInstanceOptions {
  /** Port to listen on (default 4100; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  hostname?: string;
  /** PGlite data directory (default `.latchkey/pglite` in the working directory). */
  dataDir?: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** PostgreSQL schema (default `public`). */
  schema?: string;
  /** A fixed secret key (`CLERK_SECRET_KEY`); default: the one made on first start. */
  secretKey?: string;
  /** Public origin of the instance (default `http://localhost:<port>`). */
  publicUrl?: string;
  /**
   * Where browsers reach the Frontend API, as the publishable key names it and tokens carry it as
   * `iss` (default `<publicUrl>/__clerk`): e.g. `https://clerk.example.com`, a host of its own that
   * a reverse proxy forwards to `<publicUrl>/__clerk`, for Clerk's SDKs without an app proxy.
   */
  frontendApiUrl?: string;
  /** A JSON seed file loaded at start (users and organizations; existing ones skipped). */
  seedFile?: string;
  /** Run the webhook delivery worker in this process (default true). */
  webhookWorker?: boolean;
  settings?: Partial<InstanceSettings>;
  /** Extra routes served besides the Backend and Frontend APIs. */
  routes?: readonly AnyRoute[];
  /** `production` requires an email transport and turns off development conveniences. */
  instanceType?: "development" | "production";
  /**
   * Origins allowed to call the Frontend API from a browser and to be redirected to. Default in
   * development: the instance's own and `http://localhost:3000`; a production instance has no
   * default and refuses to start without them.
   */
  allowedOrigins?: readonly string[];
  /**
   * Proxies whose `X-Forwarded-For`/`-Proto` are believed (addresses, CIDR blocks, `loopback`,
   * `private`). Default: none; the app's own proxy signs what it forwards instead.
   */
  trustedProxies?: readonly string[];
  /**
   * Social sign-in: the connections offered (see `parseOAuthConnectionSpec`, `googleConnection`…)
   * and, optionally, the callback URL registered at the providers (default: the Frontend API as
   * the browser reaches it, plus `/v1/oauth_callback`).
   */
  oauth?: { connections: readonly OAuthConnection[]; callbackUrl?: string };
  /** Webhook endpoints to make sure exist (idempotent by URL). */
  webhooks?: ReadonlyArray<{ url: string; secret?: string; eventTypes?: string[] }>;
  /**
   * The admin console at `/console` (sign in with the secret key or the console password). On by
   * default in development; a production instance serves it only with `{ enabled: true }`.
   */
  console?: ConsoleOptions;
  /** Environment to read mail settings from (`LATCHKEY_MAIL_TRANSPORT`, `LATCHKEY_SMTP_URL`…). */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  logger?: Logger;
  /** `fetch` used by the webhook worker. */
  fetch?: typeof fetch;
}

/** A running instance. */
export interface RunningInstance {
  /** Where it listens, e.g. `http://127.0.0.1:4100`. */
  url: string;
  /** Its public origin (`CLERK_API_URL`). */
  publicUrl: string;
  /** Where its Frontend API is (`<publicUrl>/__clerk`, `localhost` named `127.0.0.1` as in the key). */
  frontendApiUrl: string;
  secretKey: string;
  publishableKey: string;
  store: Store;
  handler: FetchHandler;
  seed: SeedReport | undefined;
  /** Where the admin console is served (`<publicUrl>/console`), or null when it is off. */
  consoleUrl: string | null;
  /** Stops accepting requests, lets in-flight ones and webhook sends finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts an instance: opens the database (PGlite by default, PostgreSQL with `databaseUrl`),
 * applies migrations, makes the secret key and signing key on first start, loads the seed, makes
 * sure the given webhook endpoints exist, starts the webhook worker and serves the Backend API
 * (`/v1`) and the Frontend API (`/__clerk/v1`) over HTTP.
 *
 * @throws InstanceConfigError when a given secret key is malformed
 * @throws SeedError when the seed file is invalid
 * @example
 * const instance = await startInstance({ port: 4100 });
 * console.log(instance.secretKey, instance.publishableKey);
 * await instance.close();
 */
export async function startInstance(options: StartInstanceOptions = {}): Promise<RunningInstance> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const requestedPort = options.port ?? 4100;
  const instanceType = options.instanceType ?? "development";
  // Checked before anything starts: a bad entry is named at once.
  createTrustedProxies(options.trustedProxies ?? []);
  if (instanceType === "production" && (options.allowedOrigins ?? []).length === 0) {
    throw new InstanceConfigError(
      "A production instance needs the origins of its apps: give --allowed-origin https://your-app.example (repeatable).",
    );
  }
  const store = await openStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    dataDir: options.dataDir ?? defaultDataDir(),
    ...(options.schema ? { schema: options.schema } : {}),
    renderEventData: webhookEventData(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    clock,
  });
  let server: NodeServer | undefined;
  let worker: WebhookWorker | undefined;
  try {
    const secretKey = await ensureInstanceSecretKey(store, options.secretKey, instanceType);
    const signingKeys = createSigningKeyRing({ store, clock });
    await signingKeys.publishedKeys();

    let handler: FetchHandler = async () => new Response(null, { status: 503 });
    server = await serveNode((request, connection) => handler(request, connection), {
      port: requestedPort,
      ...(options.hostname ? { hostname: options.hostname } : {}),
    });
    const publicUrl = (options.publicUrl ?? `http://localhost:${server.port}`).replace(/\/+$/, "");
    if (options.frontendApiUrl !== undefined && !/^https?:\/\/[^/]/i.test(options.frontendApiUrl)) {
      throw new Error(
        `--frontend-api-url must be an absolute http(s) URL, e.g. https://clerk.example.com (got ${JSON.stringify(options.frontendApiUrl)}).`,
      );
    }
    const frontendApiUrl = canonicalFrontendApiUrl(
      options.frontendApiUrl ?? `${publicUrl}/__clerk`,
    );
    if (!clerkSdksAcceptHost(frontendApiUrl)) {
      logger.info("Clerk's own SDKs refuse a publishable key whose host has no dot", {
        publicUrl,
        hint: "use a dotted host name (e.g. auth.internal) or an address as --public-url",
      });
    }
    const developmentMode = instanceType === "development";
    const mail = mailConfigFromEnv(options.env ?? process.env);
    const mailer = createMailer({ store, developmentMode, logger, ...mail });
    const allowedOrigins = options.allowedOrigins ?? [publicUrl, "http://localhost:3000"];
    const publishableKey = publishableKeyFor(frontendApiUrl, developmentMode ? "test" : "live");
    const consoleEnabled = options.console?.enabled ?? developmentMode;
    handler = createHandler({
      store,
      secretKey,
      routes: [...backendApiRoutes, ...(options.routes ?? [])],
      frontendApiRoutes,
      frontendApi: {
        instanceType,
        mailer,
        allowedOrigins,
        ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
        ...(options.oauth === undefined ? {} : { oauth: options.oauth }),
      },
      publicUrl,
      clock,
      logger,
      signingKeys,
      settings: { frontendApiUrl, developmentMode, ...options.settings },
      ...(consoleEnabled
        ? {
            console: {
              facts: {
                instanceType,
                frontendApiUrl,
                publishableKey,
                allowedOrigins,
                mailTransport: describeMailTransport(mail.transport, developmentMode),
              },
              ...(options.console?.idleMinutes === undefined
                ? {}
                : { idleMinutes: options.console.idleMinutes }),
            },
          }
        : {}),
    });
    for (const webhook of options.webhooks ?? []) {
      await ensureWebhookEndpoint(store, {
        url: webhook.url,
        ...(webhook.secret ? { secret: webhook.secret } : {}),
        ...(webhook.eventTypes ? { eventTypes: webhook.eventTypes } : {}),
      });
    }
    const seed = options.seedFile
      ? await loadSeed(handler, { secretKey, baseUrl: publicUrl, file: options.seedFile })
      : undefined;
    if (options.webhookWorker !== false) {
      worker = startWebhookWorker({
        store,
        clock,
        logger,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    }
    const running = server;
    const runningWorker = worker;
    return {
      url: running.url,
      publicUrl,
      frontendApiUrl,
      secretKey,
      publishableKey,
      store,
      handler,
      seed,
      consoleUrl: consoleEnabled ? `${publicUrl}/console` : null,
      async close() {
        await running.close();
        await runningWorker?.stop();
        await store.close();
      },
    };
  } catch (error) {
    await server?.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await store.close();
    throw error;
  }
}
