import type { NextFetchEvent, NextRequest } from "next/server.js";
import { NextResponse } from "next/server.js";
import {
  type ClerkMiddlewareHandlerResult,
  type ClerkMiddlewareOptions,
  clerkMiddleware,
  type LatchkeyMiddleware,
} from "./clerk-middleware.js";
import { createRouteMatcher, type RouteMatcherParam } from "./create-route-matcher.js";
import type { MiddlewareAuthObject } from "./internal/middleware/middleware-auth.js";
import { MiddlewareInterrupt } from "./internal/middleware/middleware-interrupt.js";
import { isPageRequest, lookupOf } from "./internal/request-kind.js";

/** Options of {@link authMiddleware} (Clerk's legacy middleware). */
export interface AuthMiddlewareOptions extends Omit<ClerkMiddlewareOptions, "publicRoutes"> {
  /** Routes anyone may see. Everything else requires a session. */
  publicRoutes?: RouteMatcherParam;
  /** Routes the middleware does not touch at all (no authentication). */
  ignoredRoutes?: RouteMatcherParam;
  /** Routes answered with 401 JSON instead of a redirect. Default `/api(.*)` and `/trpc(.*)`. */
  apiRoutes?: RouteMatcherParam;
  /** Runs before authentication; a response returned here is used as is. */
  beforeAuth?: (
    request: NextRequest,
    event: NextFetchEvent,
  ) => ClerkMiddlewareHandlerResult | Promise<ClerkMiddlewareHandlerResult>;
  /**
   * Runs after authentication instead of the default protection; its response (or nothing) is
   * used as with `clerkMiddleware`.
   */
  afterAuth?: (
    auth: MiddlewareAuthObject & { isPublicRoute: boolean; isApiRoute: boolean },
    request: NextRequest,
    event: NextFetchEvent,
  ) => ClerkMiddlewareHandlerResult | Promise<ClerkMiddlewareHandlerResult>;
}

const UNAUTHORIZED_BODY = {
  errors: [
    {
      code: "authentication_invalid",
      message: "Unauthorized",
      long_message: "This request needs a signed-in session.",
      meta: {},
    },
  ],
};

/**
 * Clerk's legacy middleware: every route requires a session unless listed in `publicRoutes`
 * (or skipped by `ignoredRoutes`). A signed-out API request gets 401 JSON; a page redirects to
 * sign-in with `redirect_url`. Built on {@link clerkMiddleware}.
 *
 * @deprecated Use `clerkMiddleware` with `createRouteMatcher` and `auth.protect()`.
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix.
 * @example
 * ```ts
 * // middleware.ts
 * import { authMiddleware } from "@latchkey/nextjs/server";
 *
 * export default authMiddleware({ publicRoutes: ["/", "/sign-in(.*)", "/sign-up(.*)"] });
 * export const config = { matcher: ["/((?!.+\\.[\\w]+$|_next).*)", "/", "/(api|trpc)(.*)"] };
 * ```
 */
export function authMiddleware(options: AuthMiddlewareOptions = {}): LatchkeyMiddleware {
  const {
    publicRoutes = [],
    ignoredRoutes,
    apiRoutes = ["/api(.*)", "/trpc(.*)"],
    beforeAuth,
    afterAuth,
    ...middlewareOptions
  } = options;
  const isPublic = createRouteMatcher(publicRoutes);
  const isIgnored = ignoredRoutes === undefined ? () => false : createRouteMatcher(ignoredRoutes);
  const isApi = createRouteMatcher(apiRoutes);
  const proxyPath = middlewareOptions.frontendApiProxyPath ?? "/__clerk";

  const inner = clerkMiddleware(async (auth, request, event) => {
    const authObject = auth();
    const isPublicRoute = isPublic(request);
    const isApiRoute = isApi(request) || !isPageRequest(lookupOf(request.headers));
    if (afterAuth) {
      return afterAuth({ ...authObject, isPublicRoute, isApiRoute }, request, event);
    }
    if (isPublicRoute || authObject.isAuthenticated) return undefined;
    if (isApiRoute) {
      throw new MiddlewareInterrupt(
        NextResponse.json(UNAUTHORIZED_BODY, { status: 401 }),
        "401 (legacy API route)",
      );
    }
    return authObject.redirectToSignIn();
  }, middlewareOptions);

  return async (request, event) => {
    const path = request.nextUrl?.pathname ?? new URL(request.url).pathname;
    const proxied = proxyPath !== false && (path === proxyPath || path.startsWith(`${proxyPath}/`));
    if (!proxied && isIgnored(request)) return NextResponse.next();
    if (beforeAuth) {
      const early = await beforeAuth(request, event);
      if (early) return early;
    }
    return inner(request, event);
  };
}
