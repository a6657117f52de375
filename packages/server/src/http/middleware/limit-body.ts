import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { limitRequestBody } from "../limit-request-body.js";

/**
 * Caps the body of a request that matched a route, on the stream (see `limitRequestBody`): at
 * the upload limit for routes declared `upload: true`, else at the body limit.
 *
 * @throws ApiError `request_body_too_large` (413)
 * @example
 * app.use("*", limitBody({ maxBodyBytes: 1 << 20, maxUploadBytes: 10 << 20 }));
 */
export function limitBody(limits: {
  maxBodyBytes: number;
  maxUploadBytes: number;
}): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const route = c.get("route");
    if (route !== undefined) {
      c.req.raw = limitRequestBody(
        c.req.raw,
        route.upload ? limits.maxUploadBytes : limits.maxBodyBytes,
      );
    }
    return next();
  };
}
