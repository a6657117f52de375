/**
 * Request headers by which the middleware hands its verdict to `auth()` and `getAuth()`. They are
 * only believed when `x-clerk-auth-signature` is a valid HMAC of the others.
 */
export const AUTH_HEADERS = {
  status: "x-clerk-auth-status",
  reason: "x-clerk-auth-reason",
  tokenSource: "x-clerk-auth-token-source",
  /** Only when the token source is `inline`. */
  token: "x-clerk-auth-token",
  url: "x-clerk-clerk-url",
  signature: "x-clerk-auth-signature",
} as const;

const NAMES: ReadonlySet<string> = new Set(Object.values(AUTH_HEADERS));

/** `true` for a header the middleware owns: incoming copies are always dropped. */
export function isAuthHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return NAMES.has(lower) || lower.startsWith("x-clerk-auth-");
}

/** Removes every incoming copy of the middleware's headers, in place. */
export function stripAuthHeaders(headers: Headers): void {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (isAuthHeaderName(name)) names.push(name);
  });
  for (const name of names) headers.delete(name);
}
