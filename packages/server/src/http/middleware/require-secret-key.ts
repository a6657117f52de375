import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { createSecretKeyCheck } from "../secret-key-auth.js";

/**
 * Backend API authentication: a route declared `auth: "secret_key"` needs
 * `Authorization: Bearer <secret key>`; other routes pass.
 *
 * @throws ApiError `authentication_invalid`, `clerk_key_invalid` (401)
 * @example
 * app.use("*", requireSecretKey(secretKey));
 */
export function requireSecretKey(secretKey: string): MiddlewareHandler<AppEnv> {
  const check = createSecretKeyCheck(secretKey);
  return (c, next) => {
    if (c.get("route")?.auth === "secret_key") check(c.req.header("authorization") ?? null);
    return next();
  };
}
