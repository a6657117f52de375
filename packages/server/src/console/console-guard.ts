import { parse as parseCookies } from "cookie";
import type { Context, MiddlewareHandler } from "hono";
import type { ConsoleEnv } from "./console-env.js";
import {
  CONSOLE_COOKIE,
  consoleCsrfToken,
  consoleTokenHash,
  isConsoleCsrfToken,
} from "./console-session-token.js";
import { CONSOLE_PATH } from "./console-setup.js";

/** Absolute end of a console session, however busy: 8 hours after sign-in. */
export const CONSOLE_SESSION_MAX_MS = 8 * 3600_000;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origin browsers see for this console: the public URL's, or the request's. */
export function consoleOrigin(c: Context<ConsoleEnv>): string {
  const publicUrl = c.get("setup").publicUrl;
  return publicUrl === undefined ? new URL(c.req.url).origin : new URL(publicUrl).origin;
}

/**
 * Headers on every console answer: no framing, no caching, scripts and styles only from the
 * console itself, no referrer to other sites.
 */
export const consoleSecurityHeaders: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  await next();
  c.res.headers.set(
    "content-security-policy",
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  c.res.headers.set("x-frame-options", "DENY");
  c.res.headers.set("x-content-type-options", "nosniff");
  c.res.headers.set("referrer-policy", "same-origin");
  if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
};

/**
 * Refuses requests from other sites: any request a browser marks `Sec-Fetch-Site: cross-site`,
 * and any form post whose `Origin` is not the console's own (a post with neither `Origin` nor
 * `Sec-Fetch-Site: same-origin` is refused too).
 */
export const consoleSameOrigin: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const site = c.req.header("sec-fetch-site");
  if (site === "cross-site") return c.text("Cross-site requests are refused.", 403);
  if (UNSAFE.has(c.req.method)) {
    const origin = c.req.header("origin");
    // The console's public origin, or the origin the request was sent to (`127.0.0.1` beside
    // `localhost`): a browser on another site sends its own origin, never ours.
    const sameOrigin =
      origin !== undefined
        ? origin === consoleOrigin(c) || origin === new URL(c.req.url).origin
        : site === "same-origin";
    if (!sameOrigin) return c.text("Requests from other origins are refused.", 403);
  }
  return next();
};

/** The session cookie's value, when the request carries one. */
export function consoleSessionToken(c: Context<ConsoleEnv>): string | undefined {
  const header = c.req.header("cookie");
  if (header === undefined) return undefined;
  return parseCookies(header)[CONSOLE_COOKIE];
}

/**
 * Requires a live console session (idle and absolute limits checked in the database, which marks
 * it seen): without one, pages redirect to sign-in and posts are refused. Posts must carry the
 * session's CSRF token as `_csrf`.
 */
export const requireConsoleSession: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const setup = c.get("setup");
  const token = consoleSessionToken(c);
  const session =
    token === undefined
      ? null
      : await setup.services.store.touchConsoleSession(
          consoleTokenHash(token),
          setup.services.clock.now(),
          { idleMs: setup.idleMinutes * 60_000, absoluteMs: CONSOLE_SESSION_MAX_MS },
        );
  if (token === undefined || session === null) {
    if (c.req.method === "GET") return c.redirect(`${CONSOLE_PATH}/sign-in`, 303);
    return c.text("Your console session has ended: sign in again.", 401);
  }
  if (UNSAFE.has(c.req.method)) {
    const form = await c.req.parseBody();
    if (!isConsoleCsrfToken(form._csrf, token)) {
      return c.text("This form has expired: reload the page and try again.", 403);
    }
  }
  c.set("session", session);
  c.set("csrfToken", consoleCsrfToken(token));
  return next();
};
