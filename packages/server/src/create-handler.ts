import { type Clock, systemClock } from "./clock.js";
import type { ConsoleInstanceFacts } from "./console/console-setup.js";
import { createOAuthConnections } from "./flows/oauth/oauth-connections.js";
import { createApp } from "./http/create-app.js";
import type { AnyRoute, RouteServices } from "./http/define-route.js";
import type { ConnectionInfo, FetchHandler } from "./http/fetch-handler.js";
import { setUpFrontendApi } from "./http/frontend-api/frontend-api-config.js";
import type { FrontendApiOptions } from "./http/frontend-api/frontend-api-options.js";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES } from "./http/limit-request-body.js";
import type { PackageResolver } from "./http/routes/npm/bundle-package.js";
import { defaultIdGenerator, type IdGenerator } from "./id-generator.js";
import type { InstanceSettings } from "./instance-settings.js";
import { consoleLogger, type Logger } from "./logger.js";
import type { Store } from "./store/store.js";
import { createSigningKeyRing, type SigningKeyRing } from "./tokens/signing-key-ring.js";

/** Configuration of {@link createHandler}. */
export interface HandlerConfig {
  store: Store;
  /** The instance's secret key; every Backend API route requires it as a Bearer token. */
  secretKey: string;
  /** The routes to serve. */
  routes: readonly AnyRoute[];
  /** Public origin of the instance (e.g. `http://localhost:4100`); default: each request's origin. */
  publicUrl?: string;
  /** Largest accepted request body, in bytes (default 1 MiB), counted on the stream. */
  maxBodyBytes?: number;
  /** Largest accepted upload (routes declared with `upload: true`), in bytes (default 10 MiB). */
  maxUploadBytes?: number;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  settings?: Partial<InstanceSettings>;
  /** The signing keys; default: a key ring over `store` (the first start creates the key). */
  signingKeys?: SigningKeyRing;
  /** Frontend API routes (declared `auth: "client"`), served under `frontendApiPrefix`. */
  frontendApiRoutes?: readonly AnyRoute[];
  /** Path prefix of the Frontend API (default `/__clerk`: `/__clerk/v1/client`…). */
  frontendApiPrefix?: string;
  /** Frontend API options: allowed origins, instance type, mailer, rate limiter… */
  frontendApi?: FrontendApiOptions;
  /**
   * How `@clerk/clerk-js` and `@clerk/ui` (optional dependencies, served under `/npm/…` with the
   * Frontend API) are found; default: Node's resolution from this package.
   */
  resolvePackage?: PackageResolver;
  /** Serve the admin console at `/console`: what it shows of the instance, its idle timeout. */
  console?: { facts: ConsoleInstanceFacts; idleMinutes?: number };
}

export type { FetchHandler };

const DEFAULT_SETTINGS: InstanceSettings = {
  lockoutSeconds: 3600,
  maxVerificationAttempts: 10,
  frontendApiUrl: null,
  sessionTokenLifetimeSeconds: 60,
  sessionLifetimeSeconds: 7 * 24 * 3600,
  sessionAbandonSeconds: 30 * 24 * 3600,
  developmentMode: true,
};

/** Minutes without a request after which a console session ends, unless configured. */
const DEFAULT_CONSOLE_IDLE_MINUTES = 15;

const OVERRIDABLE: ReadonlySet<string> = new Set(["PATCH", "PUT", "DELETE"]);

/**
 * `POST …?_method=PATCH|PUT|DELETE` under the Frontend API's prefix, as that method (what Clerk's
 * browser SDK sends). Done before routing, since Hono routes by method.
 */
function withOverriddenMethod(request: Request, prefix: string | undefined): Request {
  if (prefix === undefined || request.method !== "POST" || !request.url.includes("_method=")) {
    return request;
  }
  const url = new URL(request.url);
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return request;
  const method = url.searchParams.get("_method")?.toUpperCase();
  if (method === undefined || !OVERRIDABLE.has(method)) return request;
  return new Request(request, { method });
}

/**
 * Builds the instance's request handler: routing, secret-key authentication, input validation and
 * Clerk's error envelope for every failure (unknown routes included). Unexpected errors are logged
 * with the trace id and answered as `internal_clerk_error` without their details.
 *
 * @example
 * const handler = createHandler({ store, secretKey, routes: backendApiRoutes });
 * const response = await handler(new Request("http://localhost/v1/users", { headers }));
 */
export function createHandler(config: HandlerConfig): FetchHandler {
  const logger = config.logger ?? consoleLogger;
  const publicUrl = config.publicUrl?.replace(/\/+$/, "");
  const clock = config.clock ?? systemClock;
  const services: RouteServices = {
    store: config.store,
    clock,
    ids: config.ids ?? defaultIdGenerator,
    logger,
    settings: { ...DEFAULT_SETTINGS, ...config.settings },
    signingKeys: config.signingKeys ?? createSigningKeyRing({ store: config.store, clock }),
    oauth: createOAuthConnections(config.frontendApi?.oauth?.connections ?? [], {
      secretKey: config.secretKey,
      now: () => clock.now(),
      ...(config.frontendApi?.oauth?.fetch === undefined
        ? {}
        : { fetch: config.frontendApi.oauth.fetch }),
    }),
  };
  const frontendApi =
    config.frontendApiRoutes === undefined
      ? undefined
      : {
          routes: config.frontendApiRoutes,
          setup: setUpFrontendApi({
            services,
            secretKey: config.secretKey,
            ...(config.frontendApiPrefix === undefined ? {} : { prefix: config.frontendApiPrefix }),
            ...(config.frontendApi === undefined ? {} : { options: config.frontendApi }),
            ...(publicUrl === undefined ? {} : { publicUrl }),
          }),
        };
  const app = createApp({
    services,
    secretKey: config.secretKey,
    routes: config.routes,
    ...(frontendApi === undefined ? {} : { frontendApi }),
    publicUrl,
    maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxUploadBytes: config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    ...(config.resolvePackage === undefined ? {} : { resolvePackage: config.resolvePackage }),
    ...(config.console === undefined
      ? {}
      : {
          console: {
            facts: config.console.facts,
            idleMinutes: config.console.idleMinutes ?? DEFAULT_CONSOLE_IDLE_MINUTES,
          },
        }),
  });
  const prefix = frontendApi?.setup.prefix;
  return async (request: Request, connection?: ConnectionInfo) =>
    app.fetch(withOverriddenMethod(request, prefix), { connection });
}
