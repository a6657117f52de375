import type { AuthObject, SignedInAuthObject } from "@latchkey/backend";
import { readEnvVar } from "./internal/config/read-env.js";
import { type ResolvedConfig, resolveConfig } from "./internal/config/resolve-config.js";
import { loadNextRequestApis, type NextRequestApis } from "./internal/load-next-request-apis.js";
import {
  type ProtectCondition,
  type ProtectOptions,
  type ProtectParams,
  protectDecision,
  signInRedirectUrl,
} from "./internal/protect-decision.js";
import { type RequestAuth, resolveRequestAuth } from "./internal/request-auth.js";
import type { HeaderLookup } from "./internal/request-kind.js";

/** Options of `redirectToSignIn()`. */
export interface AuthRedirectOptions {
  /** Where to come back after signing in. Default: the current URL when the middleware ran. */
  returnBackUrl?: string | URL | null;
}

/** What `await auth()` gives: the auth object plus `redirectToSignIn()`. */
export type ServerAuthObject = AuthObject & {
  /** Redirects (by throwing Next's redirect) to the sign-in page with `redirect_url`. */
  redirectToSignIn(options?: AuthRedirectOptions): never;
};

/** `auth()` and `auth.protect()`. */
export interface Auth {
  (): Promise<ServerAuthObject>;
  /**
   * Requires a session (and a role, permission or condition). Otherwise: a page redirects to
   * sign-in (or `unauthenticatedUrl`), a server action gets 401 (`unauthorized()`, when
   * `experimental.authInterrupts` is on; else 404), anything else 404; a missing role or
   * permission gives 404 or a redirect to `unauthorizedUrl`.
   */
  protect(
    params?: ProtectParams | ProtectCondition,
    options?: ProtectOptions,
  ): Promise<SignedInAuthObject>;
}

interface CurrentRequest extends RequestAuth {
  header: HeaderLookup;
  config: ResolvedConfig;
  /** Next's `redirect()`, `notFound()`, `unauthorized()`, loaded before any of them is needed. */
  next: NextRequestApis;
}

const perRequest = new WeakMap<object, Promise<CurrentRequest>>();

/** The current request's auth, resolved once per request (keyed by Next's request headers). */
async function currentRequest(): Promise<CurrentRequest> {
  const next = await loadNextRequestApis();
  const requestHeaders = await next.headers();
  let pending = perRequest.get(requestHeaders);
  if (!pending) {
    const header: HeaderLookup = (name) => requestHeaders.get(name) ?? undefined;
    pending = (async () => {
      const config = resolveConfig();
      const resolved = resolveRequestAuth(header, config);
      const result = resolved.ready ? resolved.result : await resolved.result;
      return { ...result, header, config, next };
    })();
    perRequest.set(requestHeaders, pending);
    pending.catch(() => perRequest.delete(requestHeaders));
  }
  return pending;
}

/** Stands in for the request URL when the middleware did not record it. */
const PLACEHOLDER_ORIGIN = "http://latchkey.invalid";

function withoutPlaceholder(url: string): string {
  return url.startsWith(`${PLACEHOLDER_ORIGIN}/`) ? url.slice(PLACEHOLDER_ORIGIN.length) : url;
}

/** The sign-in URL; `redirect_url` is only added when the way back is known. */
function signInUrlFor(current: CurrentRequest, returnBackUrl?: string | URL | null): string {
  const base = current.url ?? `${PLACEHOLDER_ORIGIN}/`;
  const back = current.url === undefined && returnBackUrl === undefined ? null : returnBackUrl;
  return withoutPlaceholder(signInRedirectUrl(current.config.signInUrl, base, back));
}

/**
 * The auth object of the current request, for server components, server actions and route
 * handlers (reads Next's `headers()`). Trusts only the middleware's HMAC-signed verdict; without
 * it, verifies the request's session token itself.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix.
 * @example
 * ```tsx
 * // app/dashboard/page.tsx
 * import { auth } from "@latchkey/nextjs/server";
 *
 * export default async function Dashboard() {
 *   const { userId, redirectToSignIn } = await auth();
 *   if (!userId) return redirectToSignIn();
 *   return <p>Signed in as {userId}</p>;
 * }
 * ```
 */
export const auth: Auth = Object.assign(
  async (): Promise<ServerAuthObject> => {
    const current = await currentRequest();
    const redirectToSignIn = (options?: AuthRedirectOptions): never =>
      current.next.redirect(signInUrlFor(current, options?.returnBackUrl));
    return { ...current.auth, redirectToSignIn } as ServerAuthObject;
  },
  {
    /**
     * @example
     * ```ts
     * const { userId } = await auth.protect({ role: "org:admin" });
     * ```
     */
    async protect(
      params?: ProtectParams | ProtectCondition,
      options?: ProtectOptions,
    ): Promise<SignedInAuthObject> {
      const current = await currentRequest();
      const method = current.header("next-action") !== undefined ? "POST" : "GET";
      const decision = protectDecision(
        current.auth,
        { header: current.header, method, url: current.url ?? `${PLACEHOLDER_ORIGIN}/` },
        current.config.signInUrl,
        params,
        options,
      );
      switch (decision.kind) {
        case "allow":
          return current.auth as SignedInAuthObject;
        case "redirect": {
          const explicit =
            options?.unauthenticatedUrl ??
            (typeof params === "object" ? params.unauthenticatedUrl : undefined);
          if (decision.reason === "signed-out" && !explicit) {
            return current.next.redirect(signInUrlFor(current));
          }
          return current.next.redirect(withoutPlaceholder(decision.url));
        }
        case "not-found":
          return current.next.notFound();
        case "unauthorized":
          if (readEnvVar("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS")) return current.next.unauthorized();
          return current.next.notFound();
      }
    },
  },
);
