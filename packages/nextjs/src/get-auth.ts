import { type AwaitableAuth, pendingAuth, settledAuth } from "./internal/awaitable-auth.js";
import { resolveConfig } from "./internal/config/resolve-config.js";
import { resolveRequestAuth } from "./internal/request-auth.js";
import type { HeaderLookup } from "./internal/request-kind.js";
import type { LatchkeyOptions } from "./latchkey-options.js";

/**
 * A request `getAuth` accepts: a `NextRequest` / `Request` (route handlers, middleware) or a
 * pages-router `NextApiRequest` (headers as a plain object, parsed `cookies`).
 */
export type GetAuthRequest =
  | Request
  | {
      headers: Record<string, string | string[] | undefined>;
      cookies?: Partial<Record<string, string>>;
    };

/**
 * The auth object of a request in a route handler or a pages-router API route. Uses the
 * middleware's signed verdict when present; without the middleware (or with headers it did not
 * sign) it verifies the request's session token itself, so it never fails for lack of middleware.
 *
 * Like Clerk's, it can be read at once — `const { userId } = getAuth(req)` — where the
 * middleware's verdict was checked synchronously (Node runtime). It can always be awaited:
 * `await getAuth(req)` also covers requests the middleware did not see and edge runtimes. Reading
 * a field of a result that is not ready throws `auth-not-ready` (never a silent signed-out).
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix;
 *   `auth-not-ready` when a field is read before a pending result was awaited.
 * @example
 * ```ts
 * // app/api/userinfo/route.ts
 * import { getAuth } from "@latchkey/nextjs/server";
 *
 * export async function GET(req: Request) {
 *   const { userId } = await getAuth(req);
 *   if (!userId) return new Response("Unauthorized", { status: 401 });
 *   return Response.json({ userId });
 * }
 * ```
 */
export function getAuth(request: GetAuthRequest, options?: LatchkeyOptions): AwaitableAuth {
  const config = resolveConfig(options);
  const resolved = resolveRequestAuth(headerLookupOf(request), config);
  if (resolved.ready) return settledAuth(resolved.result.auth);
  return pendingAuth(
    resolved.result.then((result) => result.auth),
    "clerkMiddleware did not vouch for this request (or this runtime checks its verdict asynchronously), so the session token is being verified.",
  );
}

function headerLookupOf(request: GetAuthRequest): HeaderLookup {
  const headers = request.headers;
  if (isHeaders(headers)) return (name) => headers.get(name) ?? undefined;
  const plain = headers as Record<string, string | string[] | undefined>;
  const cookies = "cookies" in request ? request.cookies : undefined;
  return (name) => {
    const value = plain[name] ?? plain[name.toLowerCase()];
    if (value !== undefined)
      return Array.isArray(value) ? value.join(name === "cookie" ? "; " : ", ") : value;
    if (name === "cookie" && cookies) {
      const pairs = Object.entries(cookies).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      );
      return pairs.length > 0 ? pairs.map(([key, v]) => `${key}=${v}`).join("; ") : undefined;
    }
    return undefined;
  };
}

function isHeaders(headers: unknown): headers is Headers {
  return typeof (headers as { get?: unknown }).get === "function";
}
