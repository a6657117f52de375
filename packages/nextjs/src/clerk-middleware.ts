import { authenticateRequest } from "@latchkey/backend";
import { authenticateRequestFromCache } from "@latchkey/backend/internal";
import type { NextFetchEvent, NextRequest } from "next/server.js";
import { NextResponse } from "next/server.js";
import { createRouteMatcher, type RouteMatcherParam } from "./create-route-matcher.js";
import { type ResolvedConfig, resolveConfig } from "./internal/config/resolve-config.js";
import { readCookie } from "./internal/cookie-header.js";
import { type DebugLogger, debugLoggerFor } from "./internal/debug-log.js";
import {
  type DownstreamHeaders,
  forwardRequestHeaders,
  setsRequestHeaders,
} from "./internal/middleware/forward-request-headers.js";
import { clientAddressOf } from "./internal/middleware/forwarded-client.js";
import {
  DEFAULT_FRONTEND_API_PATH,
  forwardToFrontendApi,
  frontendApiTarget,
} from "./internal/middleware/frontend-api-proxy.js";
import {
  type ClerkMiddlewareAuth,
  createMiddlewareAuth,
} from "./internal/middleware/middleware-auth.js";
import { MiddlewareInterrupt } from "./internal/middleware/middleware-interrupt.js";
import {
  type RenewalOutcome,
  startRenewal,
} from "./internal/session-renewal/renew-request-session.js";
import {
  AUTH_HEADER_NAMES,
  isAuthHeaderName,
  stripAuthHeaders,
} from "./internal/signed-auth-headers/auth-header-names.js";
import {
  type AuthHeaderEntries,
  type AuthStateSigning,
  startSigningAuthState,
  type TokenSource,
  tokenFrom,
} from "./internal/signed-auth-headers/signed-auth-state.js";
import { LatchkeyNextjsError } from "./latchkey-nextjs-error.js";
import type { LatchkeyOptions } from "./latchkey-options.js";

/** Options of {@link clerkMiddleware}; every {@link LatchkeyOptions} field plus these. */
export interface ClerkMiddlewareOptions extends LatchkeyOptions {
  /** Log each decision (path, status, reason, renewal, protect outcome). Never logs secrets. */
  debug?: boolean;
  /** Where debug lines go. Default `console.info`. */
  logger?: DebugLogger;
  /** When set, every route not matching these requires a session (as `auth.protect()`). */
  publicRoutes?: RouteMatcherParam;
  /**
   * Path under which the instance's Frontend API is forwarded (`/__clerk/*` → `CLERK_API_URL` +
   * same path). `false` turns forwarding off. Default `/__clerk`.
   */
  frontendApiProxyPath?: string | false;
  /** Longest wait for a session renewal. Default 5000 ms. */
  renewalTimeoutInMs?: number;
  /**
   * The browser's IP address, for the instance's per-IP limits on `/__clerk` requests; return
   * null when unknown. Default: the header named by `LATCHKEY_CLIENT_IP_HEADER` (one your
   * platform or reverse proxy overwrites, e.g. `x-real-ip`), or `x-real-ip` on Vercel; else
   * unknown (a browser's own `X-Forwarded-For` is never believed). Signed with the secret key.
   */
  clientIp?: (request: NextRequest) => string | null | undefined;
}

/** What a handler returns: a response to answer with, or nothing to go on. */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers written as `async () => {}` return Promise<void>.
export type ClerkMiddlewareHandlerResult = Response | undefined | void;

/** A `clerkMiddleware` handler: may answer with a response, or return nothing to go on. */
export type ClerkMiddlewareHandler = (
  auth: ClerkMiddlewareAuth,
  request: NextRequest,
  event: NextFetchEvent,
) => ClerkMiddlewareHandlerResult | Promise<ClerkMiddlewareHandlerResult>;

/** Options, or a function of the request giving them. */
export type ClerkMiddlewareOptionsParam =
  | ClerkMiddlewareOptions
  | ((request: NextRequest) => ClerkMiddlewareOptions | Promise<ClerkMiddlewareOptions>);

/** The function to export from `proxy.ts` or `middleware.ts`. */
export type LatchkeyMiddleware = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Authenticates every matched request (`Authorization: Bearer` or the `__session` cookie) and
 * hands the verdict to `auth()` / `getAuth()` in HMAC-signed request headers. Expired session
 * cookies of a live client are renewed through the instance (once per request, bounded against
 * loops); `/__clerk/*` is forwarded to the instance's Frontend API. Runs on Web APIs only, so it
 * works in `proxy.ts` (Node) and edge `middleware.ts` alike.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` (at request time) naming the
 *   environment variable to fix.
 * @example
 * ```ts
 * // proxy.ts (Next 16) or middleware.ts
 * import { clerkMiddleware, createRouteMatcher } from "@latchkey/nextjs/server";
 *
 * const isProtectedRoute = createRouteMatcher(["/dashboard(.*)"]);
 * export default clerkMiddleware(async (auth, req) => {
 *   if (isProtectedRoute(req)) await auth.protect();
 * });
 * export const config = {
 *   matcher: ["/((?!_next|[^?]*\\.(?:css|js|png|jpg|svg|ico|woff2?)).*)", "/(api|trpc|__clerk)(.*)"],
 * };
 * ```
 */
// The handler overload comes first: TypeScript types a callback's parameters from the first
// overload it tries, so `clerkMiddleware(async (auth, req) => …)` must meet the handler signature
// first. Without a handler only an options object is accepted (a lone function is the handler).
export function clerkMiddleware(
  handler: ClerkMiddlewareHandler,
  options?: ClerkMiddlewareOptionsParam,
): LatchkeyMiddleware;
export function clerkMiddleware(options?: ClerkMiddlewareOptions): LatchkeyMiddleware;
export function clerkMiddleware(
  handlerOrOptions?: ClerkMiddlewareHandler | ClerkMiddlewareOptionsParam,
  maybeOptions?: ClerkMiddlewareOptionsParam,
): LatchkeyMiddleware {
  const [handler, optionsParam] =
    typeof handlerOrOptions === "function" && maybeOptions !== undefined
      ? [handlerOrOptions as ClerkMiddlewareHandler, maybeOptions]
      : typeof handlerOrOptions === "function"
        ? [handlerOrOptions as ClerkMiddlewareHandler, undefined]
        : [undefined, handlerOrOptions];
  let publicRoutes:
    | { param: RouteMatcherParam; match: (request: NextRequest) => boolean }
    | undefined;
  const publicRoutesMatcher = (param: RouteMatcherParam) => {
    if (publicRoutes?.param !== param) publicRoutes = { param, match: createRouteMatcher(param) };
    return publicRoutes.match;
  };

  // Failures are always rejections, never synchronous throws: both paths are async functions.
  if (typeof optionsParam === "function") {
    return async (request, event) =>
      handleRequest(await optionsParam(request), handler, publicRoutesMatcher, request, event);
  }
  const options = optionsParam ?? {};
  return (request, event) => handleRequest(options, handler, publicRoutesMatcher, request, event);
}

/**
 * One request through the middleware. It waits only where something must be waited for: a token
 * not verified before, a renewal through the instance, the handler, and the verdict's HMAC on
 * edge runtimes. A signed-in request with a known token waits only for the handler.
 */
async function handleRequest(
  options: ClerkMiddlewareOptions,
  handler: ClerkMiddlewareHandler | undefined,
  publicRoutesMatcher: (param: RouteMatcherParam) => (request: NextRequest) => boolean,
  request: NextRequest,
  event: NextFetchEvent,
): Promise<Response> {
  const log = debugLoggerFor(options.debug, options.logger);
  const config = resolveConfig(options);
  const url = request.nextUrl ?? new URL(request.url);

  const proxyPath = options.frontendApiProxyPath ?? DEFAULT_FRONTEND_API_PATH;
  if (proxyPath !== false && isUnder(url.pathname, proxyPath)) {
    if (!config.frontendApiUrl) {
      throw new LatchkeyNextjsError(
        "config-missing",
        "CLERK_API_URL is not set, so Frontend API requests cannot be forwarded. Set CLERK_API_URL to your instance's URL.",
        { variable: "CLERK_API_URL" },
      );
    }
    const target = frontendApiTarget(url, proxyPath, config.frontendApiUrl);
    if (target) {
      log("forward to Frontend API", {
        path: url.pathname,
        target: target.origin + target.pathname,
      });
      return forwardToFrontendApi(request, target, {
        secretKey: config.secretKey,
        address: clientAddressOf(
          request,
          options.clientIp as ((request: Request) => string | null | undefined) | undefined,
        ),
        secure: url.protocol === "https:",
        nowMs: (options.now ?? Date.now)(),
        proxyUrl: `${url.origin}${proxyPath.replace(/\/+$/, "")}`,
      });
    }
  }

  // Incoming copies of the middleware's headers are dropped before anything reads them.
  stripAuthHeadersInPlace(request);
  const pass: Pass = {
    request,
    requestUrl: request.url,
    pathname: url.pathname,
    config,
    log,
    isPublicRoute:
      options.publicRoutes === undefined ? undefined : publicRoutesMatcher(options.publicRoutes),
  };
  // A token whose signature verified before is decided at once; any other waits for the backend.
  const cached = authenticateRequestFromCache(request, config.authenticateOptions);
  const initial = cached.settled
    ? cached.state
    : await authenticateRequest(request, config.authenticateOptions);
  // Renews an expired session cookie when it can (the only step that may wait on the network).
  const renewing = startRenewal({
    request,
    state: initial,
    authenticateOptions: config.authenticateOptions,
    frontendApiUrl: config.frontendApiUrl,
    fetch: config.fetch,
    timeoutInMs: options.renewalTimeoutInMs,
  });
  const renewal = renewing.settled ? renewing.outcome : await renewing.pending;
  const auth = handlerAuth(pass, renewal);
  let response: Response | undefined;
  try {
    // `protect()` throws at once when it refuses; allowed, its promise is already settled.
    if (pass.isPublicRoute && !pass.isPublicRoute(request)) void auth.protect();
    if (handler !== undefined) response = (await handler(auth, request, event)) ?? undefined;
  } catch (err) {
    response = interruptResponse(err);
  }
  // A handler that sets the page's request headers itself may leave out (or change) the
  // `Cookie` / `Authorization` carrying the token: the verdict then carries the token inline.
  const downstream = downstreamHeaders(
    request,
    pass.requestUrl,
    renewal,
    config.secretKey,
    setsRequestHeaders(response),
  );
  const verdict = downstream.signing.settled
    ? downstream.signing.entries
    : await downstream.signing.pending;
  return finish(downstream.headers, verdict, renewal, response);
}

/** What one request's pass through the middleware carries from step to step. */
interface Pass {
  request: NextRequest;
  /** The URL as the browser asked for it, before a handler changes anything. */
  requestUrl: string;
  pathname: string;
  config: ResolvedConfig;
  log: DebugLogger;
  /** Set with the `publicRoutes` option: everything else is protected. */
  isPublicRoute: ((request: NextRequest) => boolean) | undefined;
}

/** The handler's `auth` over the final state (and the renewed cookie put in the request). */
function handlerAuth(pass: Pass, renewal: RenewalOutcome): ClerkMiddlewareAuth {
  const { request, log } = pass;
  const state = renewal.state;
  log("authenticated", {
    path: pass.pathname,
    status: state.status === "signed-in" ? "signed-in" : "signed-out",
    reason: state.reason,
    renewal: renewal.decision,
  });
  if (renewal.cookieHeader !== undefined) setRequestCookie(request, renewal.cookieHeader);

  return createMiddlewareAuth(
    request,
    pass.requestUrl,
    pass.pathname,
    state.toAuth(),
    pass.config.signInUrl,
    log,
  );
}

/** The response of a stopped handler (`protect()`, `redirectToSignIn()`); other errors go on. */
function interruptResponse(err: unknown): Response {
  if (err instanceof MiddlewareInterrupt) return err.response;
  throw err;
}

/** The handler's response (or `next()`), carrying the signed verdict to the page. */
function finish(
  downstream: DownstreamHeaders,
  verdict: AuthHeaderEntries,
  renewal: RenewalOutcome,
  response: Response | undefined,
): Response {
  for (const [name, value] of verdict) downstream.set(name, value);
  const owned =
    renewal.cookieHeader === undefined ? AUTH_HEADER_NAMES : [...AUTH_HEADER_NAMES, "cookie"];
  let final = forwardRequestHeaders(response, downstream, owned);
  if (renewal.setCookies.length > 0) {
    final = new NextResponse(final.body, final);
    for (const cookie of renewal.setCookies) final.headers.append("set-cookie", cookie);
  }
  return final;
}

function isUnder(pathname: string, base: string): boolean {
  const prefix = base.replace(/\/+$/, "");
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Drops forged auth headers from the request the handler sees (when its headers are mutable). */
function stripAuthHeadersInPlace(request: Request): void {
  try {
    stripAuthHeaders(request.headers);
  } catch {
    // Immutable headers: the downstream headers are rebuilt without them anyway.
  }
}

/** Lets the handler (and `req.cookies`) see the renewed `__session`. */
function setRequestCookie(request: NextRequest, cookieHeader: string): void {
  try {
    request.headers.set("cookie", cookieHeader);
    const fresh = readCookie(cookieHeader, "__session");
    if (fresh !== undefined) request.cookies?.set("__session", fresh);
  } catch {
    // Immutable headers: the page still gets the renewed cookie through the override headers.
  }
}

/**
 * The headers the page behind the middleware sees: the request's (with the renewed `Cookie`), and
 * the signing of the verdict that {@link finish} adds to them (none without a secret key).
 */
function downstreamHeaders(
  request: Request,
  requestUrl: string,
  renewal: RenewalOutcome,
  secretKey: string | undefined,
  tokenInline: boolean,
): { headers: DownstreamHeaders; signing: AuthStateSigning } {
  const { state, cookieHeader: renewedCookieHeader } = renewal;
  const headers: DownstreamHeaders = new Map();
  request.headers.forEach((value, name) => {
    if (!isAuthHeaderName(name)) headers.set(name, value);
  });
  if (renewedCookieHeader !== undefined) headers.set("cookie", renewedCookieHeader);
  // Without a secret key no verdict is signed: the page then verifies the token itself.
  if (!secretKey) return { headers, signing: { settled: true, entries: [] } };
  const signedIn = state.status === "signed-in";
  // The token is usually in the request already (a renewed one in the new `Cookie`): then the
  // verdict says where, instead of repeating ~1 KB that Next would copy several times.
  const lookup = (name: string) => headers.get(name);
  const source: TokenSource | "" = !signedIn
    ? ""
    : tokenInline
      ? "inline"
      : tokenFrom(lookup, "authorization") === state.token
        ? "authorization"
        : "cookie";
  const signing = startSigningAuthState(
    {
      status: signedIn ? "signed-in" : "signed-out",
      reason: signedIn ? "" : state.reason,
      source,
      token: signedIn ? state.token : "",
      url: requestUrl,
    },
    secretKey,
  );
  return { headers, signing };
}
