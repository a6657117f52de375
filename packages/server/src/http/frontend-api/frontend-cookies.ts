/** Cookie names of the Frontend API, as Clerk names them. */
export const CLIENT_COOKIE = "__client";
export const SESSION_COOKIE = "__session";
export const CLIENT_UAT_COOKIE = "__client_uat";

/** About one year, the lifetime of `__client` and `__client_uat`. */
export const LONG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Reads one cookie from a `Cookie` header (the first occurrence wins). Malformed pairs are
 * skipped; values are returned as sent (our values are URL-safe).
 *
 * @example
 * readCookie("a=1; __client=abc", "__client"); // "abc"
 */
export function readCookie(header: string | null, name: string): string | null {
  if (header === null) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    return value;
  }
  return null;
}

/** Attributes of a `Set-Cookie`. */
export interface CookieAttributes {
  httpOnly?: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie; absent makes a session cookie. */
  maxAge?: number;
}

/**
 * Serialises a host-only cookie (no `Domain`: the browser keeps it on the host it called, which
 * is the app's own host since the app proxies the Frontend API), `Path=/`, `SameSite=Lax`.
 *
 * @example
 * serializeCookie("__client_uat", "0", { secure: false, maxAge: 31536000 });
 * // "__client_uat=0; Path=/; Max-Age=31536000; SameSite=Lax"
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${value}`, "Path=/"];
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${attributes.maxAge}`);
  if (attributes.httpOnly) parts.push("HttpOnly");
  if (attributes.secure) parts.push("Secure");
  parts.push("SameSite=Lax");
  return parts.join("; ");
}
