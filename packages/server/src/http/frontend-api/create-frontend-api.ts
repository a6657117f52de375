import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import { frontendCors } from "../cors/frontend-cors.js";
import type { AnyRoute, RouteServices } from "../define-route.js";
import { jsonResponse } from "../json-response.js";
import type { RouteRegistry } from "../middleware/match-route.js";
import { mountRoute, type RouteStyle } from "../mount-route.js";
import { checkOrigin } from "./check-origin.js";
import type { FrontendApiSetup } from "./frontend-api-config.js";
import type { FrontendRequest } from "./frontend-request.js";
import { loadRequestingClient } from "./load-requesting-client.js";
import { readFrontendBody } from "./read-frontend-body.js";
import { trustedClientAddress } from "./trusted-client-address.js";

/** Input of {@link createFrontendApi}. */
export interface CreateFrontendApiInput {
  routes: readonly AnyRoute[];
  setup: FrontendApiSetup;
  services: RouteServices;
  /** The instance's secret key: it signs the app's forwarded-client header. */
  secretKey: string;
  registry: RouteRegistry;
}

/** The requesting client of a Frontend API request, set by {@link loadRequestingClient}. */
function requestingClient(c: Context<AppEnv>): FrontendRequest {
  const auth = c.get("auth");
  if (auth === undefined) throw new Error("Frontend API route without its client middleware");
  return auth;
}

/** How Frontend API routes read bodies (form or JSON) and answer (`{ response, client }`). */
const frontendStyle: RouteStyle = {
  readBody: readFrontendBody,
  strictPathParams: true,
  extraContext: (c) => ({ frontend: c.get("frontend"), auth: requestingClient(c) }),
  async answer(c, result) {
    const auth = requestingClient(c);
    if (result instanceof Response) return auth.apply(result);
    return auth.apply(jsonResponse({ response: result, client: await auth.clientJson() }));
  },
};

/**
 * Builds the Frontend API, a Hono sub-app to mount at its prefix: CORS for the allowed origins
 * (preflights answered, every answer readable by them), the middleware that finds the caller's
 * address, loads the requesting client and checks the origin of mutating requests, then
 * the routes (declared `auth: "client"`), whose answers are `{ response, client }` with the
 * client's cookies. Errors are answered by the app's error handler, in the Frontend API's
 * envelope (`{ errors, meta: { client }, clerk_trace_id }`).
 *
 * @throws Error at startup for a route not declared `auth: "client"`
 * @example
 * app.route(setup.prefix, createFrontendApi({ routes, setup, services, secretKey, registry }));
 */
export function createFrontendApi(input: CreateFrontendApiInput): Hono<AppEnv> {
  const { services } = input;
  const app = new Hono<AppEnv>();
  app.use(
    "*",
    frontendCors((baseUrl) => input.setup.configFor(baseUrl, "unknown").allowedOrigins),
  );
  app.use(
    "*",
    trustedClientAddress(input.setup, {
      secretKey: input.secretKey,
      now: () => services.clock.now(),
    }),
  );
  app.use("*", loadRequestingClient(services));
  app.use("*", checkOrigin());
  for (const route of input.routes) {
    if (route.auth !== "client") {
      throw new Error(`Frontend API route ${route.method} ${route.path} must be auth: "client".`);
    }
    mountRoute(app, route, { services, registry: input.registry, style: frontendStyle });
  }
  return app;
}
