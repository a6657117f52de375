import { type Context, Hono } from "hono";
import { getPath } from "hono/utils/url";
import type { ConsoleInstanceFacts } from "../console/console-setup.js";
import { CONSOLE_PATH } from "../console/console-setup.js";
import { createConsole } from "../console/create-console.js";
import { ApiError } from "../errors/api-error.js";
import { apiErrorsOf } from "../errors/api-error-list.js";
import { randomBase62 } from "../id-generator.js";
import { IMAGE_PATH_PREFIX } from "../wire/user-json.js";
import type { AppEnv } from "./app-env.js";
import { allowedOriginsCors } from "./cors/allowed-origins-cors.js";
import type { AnyRoute, RouteServices } from "./define-route.js";
import { errorResponse } from "./error-response.js";
import { createFrontendApi } from "./frontend-api/create-frontend-api.js";
import type { FrontendApiSetup } from "./frontend-api/frontend-api-config.js";
import { frontendErrorResponse } from "./frontend-api/frontend-error-response.js";
import { jsonResponse } from "./json-response.js";
import { limitBody } from "./middleware/limit-body.js";
import { matchRoute, type RouteRegistry } from "./middleware/match-route.js";
import { requireSecretKey } from "./middleware/require-secret-key.js";
import { mountRoute, type RouteStyle } from "./mount-route.js";
import { parseJsonObjectBody } from "./parse-json-object-body.js";
import type { PackageResolver } from "./routes/npm/bundle-package.js";
import { mountNpmBundles } from "./routes/npm/npm-bundles.js";

/** Input of {@link createApp}. */
export interface CreateAppInput {
  services: RouteServices;
  secretKey: string;
  /** Backend API (and other top-level) routes. */
  routes: readonly AnyRoute[];
  /** The Frontend API, when served: its resolved setup and routes. */
  frontendApi?: { setup: FrontendApiSetup; routes: readonly AnyRoute[] };
  publicUrl: string | undefined;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** How Clerk's browser bundles (`/npm/…`) are found; default: Node's resolution. */
  resolvePackage?: PackageResolver;
  /** The admin console at `/console`, when served: what it shows and its idle timeout. */
  console?: { facts: ConsoleInstanceFacts; idleMinutes: number };
}

/** How Backend API routes read bodies (a JSON object) and answer (the result as JSON). */
const backendStyle: RouteStyle = {
  readBody: async (request) => parseJsonObjectBody(await request.text()),
  strictPathParams: false,
  extraContext: () => ({}),
  answer: async (_c, result) => (result instanceof Response ? result : jsonResponse(result)),
};

/**
 * Builds the instance's one Hono app: the Backend API routes, the Frontend API as a sub-app at
 * its prefix, and the middleware every request crosses in this order: route matching, secret-key
 * authentication (Backend API routes), the body limit on the stream; then, under the Frontend API
 * prefix, the client address, the requesting client and the origin check. Every failure, unknown
 * paths included, is answered in Clerk's error envelope (the Frontend API's carries the client);
 * unexpected errors are logged with the trace id and answered as `internal_clerk_error`.
 *
 * @throws Error at startup for a Frontend API route (`auth: "client"`) among the Backend API's
 * @example
 * const app = createApp({ services, secretKey, routes: backendApiRoutes, publicUrl, ...limits });
 * const response = await app.fetch(request, { connection: undefined });
 */
export function createApp(input: CreateAppInput): Hono<AppEnv> {
  const { services } = input;
  const prefix = input.frontendApi?.setup.prefix;
  const underPrefix = (path: string) =>
    prefix !== undefined && (path === prefix || path.startsWith(`${prefix}/`));
  const app = new Hono<AppEnv>({
    // The Frontend API accepts one trailing slash (`/v1/client/`), as Clerk's does.
    getPath: (request) => {
      const path = getPath(request);
      return path.length > 1 && path.endsWith("/") && underPrefix(path) ? path.slice(0, -1) : path;
    },
  });
  const registry: RouteRegistry = new WeakMap();
  app.use("*", matchRoute(registry, input.publicUrl));
  app.use("*", requireSecretKey(input.secretKey));
  app.use("*", limitBody(input));
  // Profile images, read by the app's pages with `crossOrigin="anonymous"`; with a Frontend API,
  // served under its prefix too: behind Clerk's proxy the browser reaches only `<proxy url>/…`.
  const { frontendApi } = input;
  const imageBases = frontendApi === undefined ? [""] : ["", frontendApi.setup.prefix];
  if (frontendApi !== undefined) {
    const originsFor = (baseUrl: string) =>
      frontendApi.setup.configFor(baseUrl, "unknown").allowedOrigins;
    for (const base of imageBases) {
      app.use(`${base}${IMAGE_PATH_PREFIX}*`, allowedOriginsCors(originsFor));
    }
  }
  for (const route of input.routes) {
    if (route.auth === "client") {
      throw new Error(
        `${route.method} ${route.path} is a Frontend API route (auth: "client"): list it in frontendApiRoutes.`,
      );
    }
    const bases = route.path.startsWith(IMAGE_PATH_PREFIX) ? imageBases : [""];
    for (const base of bases) {
      mountRoute(
        app,
        { ...route, path: `${base}${route.path}` },
        { services, registry, style: backendStyle },
      );
    }
  }
  if (input.frontendApi !== undefined) {
    const { setup, routes } = input.frontendApi;
    // Clerk's browser bundles, at the root and under the prefix (ahead of the Frontend API's middleware).
    mountNpmBundles(app, {
      bases: ["", setup.prefix],
      ...(input.resolvePackage === undefined ? {} : { resolvePackage: input.resolvePackage }),
    });
    app.route(
      setup.prefix,
      createFrontendApi({ routes, setup, services, secretKey: input.secretKey, registry }),
    );
  }

  if (input.console !== undefined) {
    app.route(
      CONSOLE_PATH,
      createConsole({
        ...input.console,
        services,
        secretKey: input.secretKey,
        publicUrl: input.publicUrl,
        maxBodyBytes: input.maxBodyBytes,
        callBackendApi: (request) => Promise.resolve(app.fetch(request, { connection: undefined })),
      }),
    );
  }

  const answerErrors = async (
    c: Context<AppEnv>,
    errors: readonly ApiError[],
    traceId: string,
    known: boolean,
  ) => {
    if (c.get("route")?.auth !== "client" && !underPrefix(c.req.path)) {
      return errorResponse(errors, traceId);
    }
    const auth = c.get("auth");
    const client = known && auth?.client != null ? await auth.clientJson().catch(() => null) : null;
    const response = frontendErrorResponse(errors, traceId, client);
    return auth === undefined ? response : auth.apply(response);
  };
  app.notFound((c) =>
    answerErrors(c, [new ApiError("resource_not_found")], randomBase62(16), true),
  );
  app.onError((error, c) => {
    const traceId = randomBase62(16);
    const errors = apiErrorsOf(error);
    if (errors !== null) return answerErrors(c, errors, traceId, true);
    services.logger.error("unhandled error", {
      traceId,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: error instanceof Error ? error.name : typeof error,
      detail: error instanceof Error ? error.message : undefined,
    });
    return answerErrors(c, [new ApiError("internal_clerk_error")], traceId, false);
  });
  return app;
}
