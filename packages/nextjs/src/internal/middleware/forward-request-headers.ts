import { NextResponse } from "next/server.js";
import { isAuthHeaderName } from "../signed-auth-headers/auth-header-names.js";

const OVERRIDE = "x-middleware-override-headers";
const PREFIX = "x-middleware-request-";

/** `true` when a handler's response sets the page's request headers itself (`next({ request })`). */
export function setsRequestHeaders(response: Response | undefined): boolean {
  return response?.headers.has(OVERRIDE) === true;
}

/** The request headers the page behind the middleware must see, by lower-case name. */
export type DownstreamHeaders = Map<string, string>;

/**
 * Makes the page behind the middleware see `downstream` as its request headers. With no handler
 * response, that is what `NextResponse.next({ request: { headers } })` answers, built in one pass
 * (Next's helper copies every header into two `Headers` objects first). A handler's `next()` or
 * `rewrite()` response keeps its own request-header overrides, minus any auth header it copied,
 * plus the middleware's auth headers (and renewed `Cookie`). Other responses (redirects, bodies)
 * reach no page, so they are returned unchanged.
 */
export function forwardRequestHeaders(
  response: Response | undefined,
  downstream: DownstreamHeaders,
  owned: readonly string[],
): Response {
  if (!response) return continueWith(downstream);
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
        headers.delete(prefixed(name));
        continue;
      }
      names.add(name);
    }
    for (const name of owned) {
      const value = downstream.get(name);
      if (value === undefined) {
        headers.delete(prefixed(name));
        names.delete(name);
      } else {
        headers.set(prefixed(name), value);
        names.add(name);
      }
    }
  } else {
    for (const [name, value] of downstream) {
      headers.set(prefixed(name), value);
      names.add(name);
    }
  }
  headers.set(OVERRIDE, [...names].join(","));
  return result;
}

// `x-middleware-request-<name>` for the header names requests carry, made once rather than per
// request (bounded: names are chosen by clients).
const MAX_PREFIXED_NAMES = 256;
const prefixedNames = new Map<string, string>();

function prefixed(name: string): string {
  let full = prefixedNames.get(name);
  if (full === undefined) {
    full = `${PREFIX}${name}`;
    if (prefixedNames.size < MAX_PREFIXED_NAMES) prefixedNames.set(name, full);
  }
  return full;
}

/** `NextResponse.next()` whose page sees exactly `downstream` as its request headers. */
function continueWith(downstream: DownstreamHeaders): Response {
  // A record, not a list of pairs: `Headers` converts a record in about half the time. Every key
  // is prefixed or fixed, so no client-chosen name can be an object's own special key.
  const headers: Record<string, string> = { "x-middleware-next": "1" };
  for (const [name, value] of downstream) headers[prefixed(name)] = value;
  headers[OVERRIDE] = [...downstream.keys()].join(",");
  return new NextResponse(null, { headers });
}
