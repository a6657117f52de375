import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { checkRequestOrigin } from "./request-origin.js";

/**
 * Frontend API middleware: the CSRF check (see `checkRequestOrigin`) of a mutating request, by its
 * effective method, against the allowed origins; routes declared `allowAnonymous` admit
 * origin-less requests without a client token.
 *
 * @throws ApiError `origin_invalid` (403)
 * @example
 * frontendApp.use("*", checkOrigin());
 */
export function checkOrigin(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const route = c.get("route");
    const frontend = c.get("frontend");
    const auth = c.get("auth");
    if (route !== undefined && frontend !== undefined) {
      checkRequestOrigin(c.req.raw, c.req.method, {
        allowedOrigins: frontend.allowedOrigins,
        hasClientCredential: auth?.client != null,
        allowAnonymous: route.allowAnonymous ?? false,
      });
    }
    return next();
  };
}
