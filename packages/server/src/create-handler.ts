import { Hono } from "hono";
import { type Clock, systemClock } from "./clock.js";
import { ApiError } from "./errors/api-error.js";
import { apiErrorsOf } from "./errors/api-error-list.js";
import type { AnyRoute, RouteServices } from "./http/define-route.js";
import { errorResponse } from "./http/error-response.js";
import type { ConnectionInfo, FetchHandler } from "./http/fetch-handler.js";
import { createFrontendApi } from "./http/frontend-api/create-frontend-api.js";
import type { AnyFrontendRoute } from "./http/frontend-api/define-frontend-route.js";
import type { FrontendApiOptions } from "./http/frontend-api/frontend-api-options.js";
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_UPLOAD_BYTES,
  limitRequestBody,
} from "./http/limit-request-body.js";
import { runRoute } from "./http/run-route.js";
import { createSecretKeyCheck } from "./http/secret-key-auth.js";
import { defaultIdGenerator, type IdGenerator, randomBase62 } from "./id-generator.js";
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
  /** Frontend API routes (cookie / client-token auth), served under `frontendApiPrefix`. */
  frontendApiRoutes?: readonly AnyFrontendRoute[];
  /** Path prefix of the Frontend API (default `/__clerk`: `/__clerk/v1/client`…). */
  frontendApiPrefix?: string;
  /** Frontend API options: allowed origins, instance type, mailer, rate limiter… */
  frontendApi?: FrontendApiOptions;
}

export type { FetchHandler };

interface HandlerEnv {
  connection: ConnectionInfo | undefined;
}

const DEFAULT_SETTINGS: InstanceSettings = {
  lockoutSeconds: 3600,
  maxVerificationAttempts: 10,
  frontendApiUrl: null,
  sessionTokenLifetimeSeconds: 60,
  sessionLifetimeSeconds: 7 * 24 * 3600,
  sessionAbandonSeconds: 30 * 24 * 3600,
  developmentMode: true,
};

/** `/v1/users/{user_id}` → `/v1/users/:user_id` (Hono's syntax). */
function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
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
  const checkSecretKey = createSecretKeyCheck(config.secretKey);
  const logger = config.logger ?? consoleLogger;
  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxUploadBytes = config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const publicUrl = config.publicUrl?.replace(/\/+$/, "");
  const clock = config.clock ?? systemClock;
  const services: RouteServices = {
    store: config.store,
    clock,
    ids: config.ids ?? defaultIdGenerator,
    logger,
    settings: { ...DEFAULT_SETTINGS, ...config.settings },
    signingKeys: config.signingKeys ?? createSigningKeyRing({ store: config.store, clock }),
  };

  const app = new Hono<{ Bindings: HandlerEnv }>();
  for (const route of config.routes) {
    app.on(route.method, honoPath(route.path), async (c) => {
      if (route.auth === "secret_key") checkSecretKey(c.req.header("authorization") ?? null);
      const request = limitRequestBody(c.req.raw, route.upload ? maxUploadBytes : maxBodyBytes);
      const baseUrl = publicUrl ?? new URL(request.url).origin;
      return runRoute(route, request, c.req.param() as Record<string, string>, {
        ...services,
        baseUrl,
      });
    });
  }

  if (config.frontendApiRoutes !== undefined) {
    const frontendApi = createFrontendApi({
      routes: config.frontendApiRoutes,
      ...(config.frontendApiPrefix === undefined ? {} : { prefix: config.frontendApiPrefix }),
      ...(config.frontendApi === undefined ? {} : { options: config.frontendApi }),
      ...(publicUrl === undefined ? {} : { publicUrl }),
      services,
      secretKey: config.secretKey,
    });
    app.all(`${frontendApi.prefix}/*`, async (c) => {
      const request = limitRequestBody(c.req.raw, maxBodyBytes);
      return frontendApi.handle(
        request,
        publicUrl ?? new URL(request.url).origin,
        c.env.connection,
      );
    });
  }

  app.notFound(() => errorResponse([new ApiError("resource_not_found")], randomBase62(16)));
  app.onError((error, c) => {
    const traceId = randomBase62(16);
    const errors = apiErrorsOf(error);
    if (errors !== null) return errorResponse(errors, traceId);
    logger.error("unhandled error", {
      traceId,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: error instanceof Error ? error.name : typeof error,
      detail: error instanceof Error ? error.message : undefined,
    });
    return errorResponse([new ApiError("internal_clerk_error")], traceId);
  });

  return async (request, connection) => app.fetch(request, { connection });
}
