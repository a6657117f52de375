import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../app-env.js";
import type { AnyRoute } from "../define-route.js";

/** Route definitions by the Hono handler that serves them, filled as routes are mounted. */
export type RouteRegistry = WeakMap<object, AnyRoute>;

/**
 * The first middleware (like the others that do not wait on I/O, it returns `next()` rather than
 * awaiting it: one promise less per request): finds the route definition the request matched (the first matched
 * handler, the one that answers) so the middleware after it can read the route's options, and
 * sets the instance's base URL. A request that matched no route passes through untouched, to the
 * 404 answer.
 *
 * @example
 * app.use("*", matchRoute(registry, publicUrl));
 */
export function matchRoute(
  registry: RouteRegistry,
  publicUrl: string | undefined,
): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    for (const matched of matchedRoutes(c)) {
      const route = registry.get(matched.handler);
      if (route !== undefined) {
        c.set("route", route);
        break;
      }
    }
    c.set("baseUrl", publicUrl ?? new URL(c.req.url).origin);
    return next();
  };
}
