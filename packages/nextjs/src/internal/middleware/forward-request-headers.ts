import { NextResponse } from "next/server.js";
import { isAuthHeaderName } from "../signed-auth-headers/auth-header-names.js";

const OVERRIDE = "x-middleware-override-headers";
const PREFIX = "x-middleware-request-";

/**
 * Makes the page behind the middleware see `downstream` as its request headers. With no handler
 * response, that is `NextResponse.next({ request: { headers } })`. A handler's `next()` or
 * `rewrite()` response keeps its own request-header overrides, minus any auth header it copied,
 * plus the middleware's auth headers (and renewed `Cookie`). Other responses (redirects, bodies)
 * reach no page, so they are returned unchanged.
 */
export function forwardRequestHeaders(
  response: Response | undefined,
  downstream: Headers,
  owned: readonly string[],
): Response {
  if (!response) return NextResponse.next({ request: { headers: downstream } });
  const continues =
    response.headers.has("x-middleware-next") || response.headers.has("x-middleware-rewrite");
  if (!continues) return response;

  // Copied: a handler may return a response whose headers are immutable.
  const result = new NextResponse(response.body, response);
  const headers = result.headers;
  const listed = headers.get(OVERRIDE);
  const names = new Set<string>();
  if (listed !== null) {
    for (const raw of listed.split(",")) {
      const name = raw.trim().toLowerCase();
      if (!name) continue;
      if (isAuthHeaderName(name)) {
        headers.delete(`${PREFIX}${name}`);
        continue;
      }
      names.add(name);
    }
    for (const name of owned) {
      const value = downstream.get(name);
      if (value === null) {
        headers.delete(`${PREFIX}${name}`);
        names.delete(name);
      } else {
        headers.set(`${PREFIX}${name}`, value);
        names.add(name);
      }
    }
  } else {
    downstream.forEach((value, name) => {
      headers.set(`${PREFIX}${name}`, value);
      names.add(name);
    });
  }
  headers.set(OVERRIDE, [...names].join(","));
  return result;
}
