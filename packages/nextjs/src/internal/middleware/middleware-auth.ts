import type { AuthObject, SignedInAuthObject } from "@latchkey/backend";
import { NextResponse } from "next/server.js";
import type { DebugLogger } from "../debug-log.js";
import {
  type ProtectCondition,
  type ProtectDecision,
  type ProtectOptions,
  type ProtectParams,
  protectDecision,
  signInRedirectUrl,
} from "../protect-decision.js";
import { lookupOf } from "../request-kind.js";
import { MiddlewareInterrupt } from "./middleware-interrupt.js";

/** Options of `redirectToSignIn()`. */
export interface RedirectToSignInOptions {
  /** Where to come back after signing in. Default: the current URL; `null` for nowhere. */
  returnBackUrl?: string | URL | null;
}

/** The auth object a middleware handler gets from `auth()`. */
export type MiddlewareAuthObject = AuthObject & {
  /** Stops the middleware with a redirect to the sign-in page (carrying `redirect_url`). */
  redirectToSignIn(options?: RedirectToSignInOptions): never;
};

/**
 * `auth.protect()` in the middleware: throws (synchronously, so a forgotten `await` still
 * protects) to answer with a redirect, 404 or 401; resolves to the signed-in auth object.
 */
export type MiddlewareProtect = (
  params?: ProtectParams | ProtectCondition,
  options?: ProtectOptions,
) => Promise<SignedInAuthObject>;

/** The `auth` argument of a `clerkMiddleware` handler. */
export type ClerkMiddlewareAuth = (() => MiddlewareAuthObject) & { protect: MiddlewareProtect };

/** Builds the handler's `auth` over the request's final auth object. */
export function createMiddlewareAuth(
  request: Request,
  requestUrl: string,
  pathname: string,
  authObject: AuthObject,
  signInUrl: string,
  log: DebugLogger,
): ClerkMiddlewareAuth {
  const redirectToSignIn = (options?: RedirectToSignInOptions): never => {
    const url = signInRedirectUrl(signInUrl, requestUrl, options?.returnBackUrl);
    log("redirectToSignIn", { path: pathname });
    throw new MiddlewareInterrupt(NextResponse.redirect(url, 307), "redirect-to-sign-in");
  };
  // Made on the first `auth()` call: handlers that only call `auth.protect()` never need it.
  let withRedirect: MiddlewareAuthObject | undefined;
  const auth = (() => {
    withRedirect ??= { ...authObject, redirectToSignIn } as MiddlewareAuthObject;
    return withRedirect;
  }) as ClerkMiddlewareAuth;
  auth.protect = (params, options) => {
    const decision = protectDecision(
      authObject,
      { header: lookupOf(request.headers), method: request.method, url: requestUrl },
      signInUrl,
      params,
      options,
    );
    log("protect", { path: pathname, decision: describe(decision) });
    if (decision.kind === "allow") return Promise.resolve(authObject as SignedInAuthObject);
    throw new MiddlewareInterrupt(responseFor(decision), describe(decision));
  };
  return auth;
}

/** The middleware's answer to a failed `protect()`. */
export function responseFor(decision: Exclude<ProtectDecision, { kind: "allow" }>): Response {
  switch (decision.kind) {
    case "redirect":
      return NextResponse.redirect(decision.url, 307);
    case "not-found":
      return new NextResponse("Not Found", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    case "unauthorized":
      return new NextResponse("Unauthorized", {
        status: 401,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
  }
}

function describe(decision: ProtectDecision): string {
  if (decision.kind === "allow") return "allow";
  if (decision.kind === "unauthorized") return "401 (server action)";
  return `${decision.kind} (${decision.reason})`;
}
