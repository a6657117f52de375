import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import type { RouteServices } from "../define-route.js";
import { hashClientToken, looksLikeClientToken } from "./client-token.js";
import { CLIENT_COOKIE, readCookie } from "./frontend-cookies.js";
import { type ClientCredentialSource, FrontendRequest } from "./frontend-request.js";

/** The client token a request presents: `Authorization` (native, server callers) or `__client`. */
function presentedToken(
  request: Request,
): { token: string; source: ClientCredentialSource } | null {
  // Native apps send `Authorization` (empty before they have a client) and get tokens back in it.
  const header = request.headers.get("authorization");
  if (header !== null) return { token: header.trim().replace(/^Bearer\s+/i, ""), source: "header" };
  const cookie = readCookie(request.headers.get("cookie"), CLIENT_COOKIE);
  if (cookie) return { token: cookie, source: "cookie" };
  return null;
}

/**
 * Frontend API middleware: loads the requesting client by the digest of the token it presents
 * (an unknown or rotated token is no client) and sets `auth`, the {@link FrontendRequest} that
 * routes act through and that puts cookies (or the native client token) on the answer.
 *
 * @example
 * frontendApp.use("*", loadRequestingClient(services));
 */
export function loadRequestingClient(services: RouteServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("route") !== undefined) {
      const request = c.req.raw;
      const presented = presentedToken(request);
      const client =
        presented !== null && looksLikeClientToken(presented.token)
          ? await services.store.getClientByTokenHash(hashClientToken(presented.token))
          : null;
      c.set(
        "auth",
        new FrontendRequest(
          {
            ...services,
            baseUrl: c.get("baseUrl"),
            imageBaseUrl: c.get("imageBaseUrl") ?? c.get("baseUrl"),
            request,
          },
          client,
          presented?.source ?? null,
          c.get("secure") ?? false,
        ),
      );
    }
    await next();
  };
}
