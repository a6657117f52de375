import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { addVary, setResponseHeaders } from "./cors-policy.js";

/**
 * Middleware for public resources the app's pages read cross-origin without credentials, such as
 * profile images (the components load them with `crossOrigin="anonymous"`): an allowed `Origin`
 * gets `Access-Control-Allow-Origin: <origin>`; every answer carries `Vary: Origin`.
 *
 * @example
 * app.use("/v1/images/*", allowedOriginsCors((baseUrl) => originsOf(baseUrl)));
 */
export function allowedOriginsCors(
  allowedOriginsFor: (baseUrl: string) => ReadonlySet<string>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const origin = c.req.header("origin");
    const allowed =
      origin !== undefined && allowedOriginsFor(c.get("baseUrl")).has(origin) ? origin : null;
    setResponseHeaders(c, (headers) => {
      addVary(headers, "Origin");
      if (allowed !== null) headers.set("Access-Control-Allow-Origin", allowed);
    });
  };
}
