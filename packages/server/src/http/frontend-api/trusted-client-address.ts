import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import type { FrontendApiSetup } from "./frontend-api-config.js";
import { resolveRequestClient } from "./resolve-request-client.js";
import { createTrustedProxies } from "./trusted-proxies.js";

/**
 * Frontend API middleware: works out who is calling (the app's signed forwarded-client header,
 * trusted proxies' `X-Forwarded-*`, or the socket; see `resolveRequestClient`) and sets the
 * request's Frontend API configuration, whose `clientIp` per-IP rate limits count against; behind
 * Clerk's proxy, profile images are then linked through the app's proxy URL.
 *
 * @example
 * frontendApp.use("*", trustedClientAddress(setup, { secretKey, clock }));
 */
export function trustedClientAddress(
  setup: FrontendApiSetup,
  input: { secretKey: string; now: () => number },
): MiddlewareHandler<AppEnv> {
  const trustedProxy = createTrustedProxies(setup.options.trustedProxies ?? []);
  return (c, next) => {
    if (c.get("route") !== undefined) {
      const caller = resolveRequestClient(c.req.raw, c.env?.connection, {
        secretKey: input.secretKey,
        trustedProxy,
        nowMs: input.now(),
      });
      const clientIp = setup.options.clientIp?.(c.req.raw) ?? caller.address;
      c.set("frontend", setup.configFor(c.get("baseUrl"), clientIp, caller.proxyUrl));
      c.set("secure", setup.alwaysSecure || caller.secure);
      if (caller.proxyUrl !== null) c.set("imageBaseUrl", caller.proxyUrl);
    }
    return next();
  };
}
