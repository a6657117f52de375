import type { AuthObject, CheckAuthorizationParams } from "@latchkey/backend";
import { type HeaderLookup, isPageRequest, isServerAction } from "./request-kind.js";

/** Where to send people who fail `protect()`. */
export interface ProtectOptions {
  /** Redirect signed-out requests here instead of the sign-in page (or a 404). */
  unauthenticatedUrl?: string;
  /** Redirect signed-in requests that lack the role or permission here instead of a 404. */
  unauthorizedUrl?: string;
}

/** What `protect()` requires: a role or a permission of the active organization. */
export interface ProtectParams extends ProtectOptions, CheckAuthorizationParams {}

/** A custom authorization check, given `has()`. */
export type ProtectCondition = (has: (params: CheckAuthorizationParams) => boolean) => boolean;

/** The outcome of `protect()` for one request. */
export type ProtectDecision =
  | { kind: "allow" }
  | { kind: "redirect"; url: string; reason: "signed-out" | "unauthorized" }
  | { kind: "not-found"; reason: "signed-out" | "unauthorized" }
  | { kind: "unauthorized" };

/** The request facts `protect()` decides on. */
export interface ProtectRequest {
  header: HeaderLookup;
  method: string;
  /** Absolute URL the browser asked for, used as `redirect_url`. */
  url: string;
}

/**
 * Clerk's `auth.protect()` rules. Signed out: a server action gets 401; with
 * `unauthenticatedUrl`, a redirect there; a page, a redirect to sign-in carrying `redirect_url`;
 * anything else, 404. Signed in without the role, permission or condition: a redirect to
 * `unauthorizedUrl`, else 404. A check that names nothing only requires a session.
 */
export function protectDecision(
  auth: AuthObject,
  request: ProtectRequest,
  signInUrl: string,
  params?: ProtectParams | ProtectCondition,
  options?: ProtectOptions,
): ProtectDecision {
  const settings: ProtectOptions = {
    ...(typeof params === "object" ? params : {}),
    ...options,
  };
  if (!auth.isAuthenticated) {
    if (isServerAction(request.header, request.method)) return { kind: "unauthorized" };
    if (settings.unauthenticatedUrl) {
      return {
        kind: "redirect",
        url: absoluteUrl(settings.unauthenticatedUrl, request.url),
        reason: "signed-out",
      };
    }
    if (isPageRequest(request.header)) {
      return {
        kind: "redirect",
        url: signInRedirectUrl(signInUrl, request.url),
        reason: "signed-out",
      };
    }
    return { kind: "not-found", reason: "signed-out" };
  }
  let allowed = true;
  if (typeof params === "function") {
    allowed = params((check) => auth.has(check)) === true;
  } else if (params && (params.role !== undefined || params.permission !== undefined)) {
    const check: CheckAuthorizationParams = {};
    if (params.role !== undefined) check.role = params.role;
    if (params.permission !== undefined) check.permission = params.permission;
    allowed = auth.has(check);
  }
  if (allowed) return { kind: "allow" };
  if (settings.unauthorizedUrl) {
    return {
      kind: "redirect",
      url: absoluteUrl(settings.unauthorizedUrl, request.url),
      reason: "unauthorized",
    };
  }
  return { kind: "not-found", reason: "unauthorized" };
}

/**
 * The sign-in URL with `redirect_url` set to where the user was going (`returnBackUrl`, default
 * the request URL; `null` for none). Relative URLs resolve against the request.
 */
export function signInRedirectUrl(
  signInUrl: string,
  requestUrl: string,
  returnBackUrl?: string | URL | null,
): string {
  const target = new URL(signInUrl, requestUrl);
  if (returnBackUrl !== null) {
    const back = returnBackUrl === undefined ? requestUrl : new URL(returnBackUrl, requestUrl).href;
    target.searchParams.set("redirect_url", back);
  }
  return target.href;
}

function absoluteUrl(url: string, requestUrl: string): string {
  return new URL(url, requestUrl).href;
}
