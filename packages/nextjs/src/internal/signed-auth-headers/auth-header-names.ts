/**
 * Request headers by which the middleware hands its verdict to `auth()` and `getAuth()`: one
 * verdict header (status, token source, reason, HMAC, URL) and, only when a handler sets the
 * page's request headers itself, the token inline. The verdict is only believed when its HMAC
 * matches.
 */
export const AUTH_HEADERS = {
  /** `status;source;reason;mac;url` (see `signed-auth-state.ts`). */
  verdict: "x-clerk-auth-verdict",
  /** Only when the token source is `inline`. */
  token: "x-clerk-auth-token",
} as const;

/** Every header the middleware owns, as written downstream. */
export const AUTH_HEADER_NAMES: readonly string[] = Object.values(AUTH_HEADERS);

const PREFIX = "x-clerk-auth-";
// Named by earlier versions of the middleware: still dropped, so no page can mistake a forged copy.
const LEGACY_URL_HEADER = "x-clerk-clerk-url";

/** `true` for a header the middleware owns (any `x-clerk-auth-*`): incoming copies are dropped. */
export function isAuthHeaderName(name: string): boolean {
  if (name.length < PREFIX.length) return false;
  const lower = name.toLowerCase();
  return lower.startsWith(PREFIX) || lower === LEGACY_URL_HEADER;
}

/** Removes every incoming copy of the middleware's headers, in place. */
export function stripAuthHeaders(headers: Headers): void {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (isAuthHeaderName(name)) names.push(name);
  });
  for (const name of names) headers.delete(name);
}
