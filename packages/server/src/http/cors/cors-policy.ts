import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";

/** Methods a Frontend API preflight allows (clerk-js itself sends only GET and POST). */
export const CORS_ALLOWED_METHODS = "GET, POST, PATCH, PUT, DELETE";

/**
 * Response headers a browser script on an allowed origin may read besides the safelisted ones:
 * the client token of native callers (`Authorization`), the development-browser token clerk-js
 * picks up (`Clerk-Db-Jwt`), `Retry-After` of a 429 (read into `ClerkAPIResponseError`) and
 * `X-Country`.
 */
export const CORS_EXPOSED_HEADERS = "Authorization, Clerk-Db-Jwt, Retry-After, X-Country";

/** How long a browser may cache a preflight's answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** Request headers a preflight allows besides any `x-` header: what SDKs and apps send. */
const ALLOWED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  "accept",
  "accept-language",
  "authorization",
  "clerk-db-jwt",
  "content-language",
  "content-type",
]);

/** An HTTP header name (RFC 9110 token), lower case. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * The headers of a preflight's `Access-Control-Request-Headers` that it may send, lower case and
 * comma-separated (empty when none): the allow-list above and `x-…` headers, except the
 * forwarding headers only the app's proxy may set (`x-forwarded-…`, `x-latchkey-…`). A header
 * left out makes the browser refuse the request.
 *
 * @example
 * allowedRequestHeaders("Content-Type, X-Requested-With, Cookie"); // "content-type, x-requested-with"
 */
export function allowedRequestHeaders(requested: string | undefined): string {
  if (requested === undefined) return "";
  const allowed: string[] = [];
  for (const raw of requested.split(",")) {
    const name = raw.trim().toLowerCase();
    if (!HEADER_NAME.test(name) || allowed.includes(name)) continue;
    const custom =
      name.startsWith("x-") && !name.startsWith("x-forwarded-") && !name.startsWith("x-latchkey-");
    if (custom || ALLOWED_REQUEST_HEADERS.has(name)) allowed.push(name);
  }
  return allowed.join(", ");
}

/**
 * Sets headers on the response a middleware's `next()` produced; a response whose headers are
 * immutable (`Response.redirect`, a fetched one) is copied first.
 *
 * @example
 * await next();
 * setResponseHeaders(c, (headers) => headers.set("Access-Control-Allow-Origin", "*"));
 */
export function setResponseHeaders(c: Context<AppEnv>, set: (headers: Headers) => void): void {
  try {
    set(c.res.headers);
  } catch {
    c.res = new Response(c.res.body, c.res);
    set(c.res.headers);
  }
}

/**
 * Adds names to a response's `Vary` (once each), so caches keep answers apart by them.
 *
 * @example
 * addVary(headers, "Origin");
 */
export function addVary(headers: Headers, ...names: string[]): void {
  const current = headers.get("vary");
  const present = new Set(
    (current ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  if (present.has("*")) return;
  const added = names.filter((name) => !present.has(name.toLowerCase()));
  if (added.length === 0) return;
  headers.set("Vary", [current, ...added].filter(Boolean).join(", "));
}
