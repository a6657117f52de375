import type { Context, Hono } from "hono";
import { ApiError } from "../errors/api-error.js";
import type { AppEnv } from "./app-env.js";
import type { AnyRoute, ClientRouteContext, RouteServices } from "./define-route.js";
import { refuseOversizedFields } from "./field-limits.js";
import { enforceRateLimits } from "./frontend-api/enforce-rate-limits.js";
import type { RouteRegistry } from "./middleware/match-route.js";
import { parseInput } from "./parse-input.js";
import { searchParamsToObject } from "./query-params.js";
import { refuseUnstorablePathParams, refuseUnstorableText } from "./unstorable-text-path.js";

/** How one API reads bodies and answers: what tells the Backend and Frontend APIs apart. */
export interface RouteStyle {
  /** Reads the body as an object (before schema validation). */
  readBody(request: Request): Promise<unknown>;
  /** Refuse path parameters with malformed percent-escapes (`%`, `%E0%A4%A`) as naming nothing. */
  strictPathParams: boolean;
  /** What the handler gets besides the services and its input (the Frontend API's client). */
  extraContext(c: Context<AppEnv>): Record<string, unknown>;
  /** Turns the handler's result into the answer. */
  answer(c: Context<AppEnv>, result: unknown): Promise<Response>;
}

/** `/v1/users/{user_id}` → `/v1/users/:user_id` (Hono's syntax). */
function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Mounts a route on an app: its input is read and checked (path parameters, query and body
 * against the route's zod schemas, sizes and storable text), the request is counted against the
 * route's rate limits (`rateLimits`), its handler runs with the services, and its result is
 * answered in the API's style. The route is recorded in `registry`, so the
 * middleware in front of it can read its options.
 *
 * @example
 * mountRoute(app, getUserRoute, { services, registry, style: backendStyle });
 */
export function mountRoute(
  app: Hono<AppEnv>,
  route: AnyRoute,
  input: { services: RouteServices; registry: RouteRegistry; style: RouteStyle },
): void {
  const { services, style } = input;
  if (route.rateLimits !== undefined && route.auth !== "client") {
    throw new Error(`${route.method} ${route.path}: rate limits are for Frontend API routes only.`);
  }
  const handler = async (c: Context<AppEnv>) => {
    const request = c.req.raw;
    const params = c.req.param() as Record<string, string>;
    if (style.strictPathParams) {
      for (const value of Object.values(params)) {
        if (value.includes("%") && !decodes(value)) throw new ApiError("resource_not_found");
      }
    }
    refuseUnstorablePathParams(params);
    const query = route.query
      ? parseInput(
          route.query,
          refuseOversizedFields(
            refuseUnstorableText(searchParamsToObject(new URL(request.url).searchParams)),
          ),
        )
      : undefined;
    const body = route.body
      ? parseInput(
          route.body,
          refuseOversizedFields(refuseUnstorableText(await style.readBody(request))),
        )
      : undefined;
    const context = {
      ...services,
      ...style.extraContext(c),
      params,
      query,
      body,
      request,
      baseUrl: c.get("baseUrl"),
      imageBaseUrl: c.get("imageBaseUrl") ?? c.get("baseUrl"),
      loaded: undefined as unknown,
    };
    if (route.load !== undefined) context.loaded = await route.load(context as never);
    if (route.rateLimits !== undefined) {
      await enforceRateLimits(
        route,
        context as ClientRouteContext<string, unknown, unknown> & { loaded: unknown },
      );
    }
    const result = await route.handler(context as never);
    return style.answer(c, result);
  };
  input.registry.set(handler, route);
  app.on(route.method, honoPath(route.path), handler);
}
