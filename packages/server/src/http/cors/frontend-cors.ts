import type { MiddlewareHandler } from "hono";
import { ApiError } from "../../errors/api-error.js";
import type { AppEnv } from "../app-env.js";
import {
  addVary,
  allowedRequestHeaders,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
  setResponseHeaders,
} from "./cors-policy.js";

/**
 * Frontend API middleware, the first one: CORS with credentials for the allowed origins, so
 * clerk-js on the app's origin can call the instance cross-origin (`credentials: "include"`).
 *
 * - A request whose `Origin` is allowed gets `Access-Control-Allow-Origin: <origin>`,
 *   `Access-Control-Allow-Credentials: true` and `Access-Control-Expose-Headers` on every answer,
 *   errors included, so the page can read Clerk's error envelope. Every answer carries
 *   `Vary: Origin`. A foreign or missing `Origin` gets no CORS headers: the browser keeps the
 *   answer from the page (mutating requests are refused before any route runs, by the origin
 *   check).
 * - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an allowed
 *   origin, to any path under the prefix, is answered 204 with the methods, the requested
 *   headers that are allowed (see `allowedRequestHeaders`) and `Access-Control-Max-Age`; an
 *   unknown path then answers its 404 envelope readably. From a foreign origin it is answered
 *   403 `origin_invalid` without CORS headers, which the browser refuses.
 *
 * @throws ApiError `origin_invalid` (403) for a preflight from a foreign origin
 * @example
 * frontendApp.use("*", frontendCors((baseUrl) => setup.configFor(baseUrl, "").allowedOrigins));
 */
export function frontendCors(
  allowedOriginsFor: (baseUrl: string) => ReadonlySet<string>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allowed =
      origin !== undefined && allowedOriginsFor(c.get("baseUrl")).has(origin) ? origin : null;
    const requestedMethod = c.req.header("access-control-request-method");
    if (c.req.method === "OPTIONS" && origin !== undefined && requestedMethod !== undefined) {
      if (allowed === null) throw new ApiError("origin_invalid");
      const headers = new Headers({
        "Access-Control-Allow-Origin": allowed,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Methods": CORS_ALLOWED_METHODS,
        "Access-Control-Max-Age": String(CORS_MAX_AGE_SECONDS),
        Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
      });
      const requestHeaders = allowedRequestHeaders(c.req.header("access-control-request-headers"));
      if (requestHeaders !== "") headers.set("Access-Control-Allow-Headers", requestHeaders);
      return new Response(null, { status: 204, headers });
    }
    await next();
    setResponseHeaders(c, (headers) => {
      addVary(headers, "Origin");
      if (allowed === null) return;
      headers.set("Access-Control-Allow-Origin", allowed);
      headers.set("Access-Control-Allow-Credentials", "true");
      headers.set("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS);
    });
  };
}
