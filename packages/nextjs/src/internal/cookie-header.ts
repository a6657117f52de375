import { parseCookie } from "cookie";

/**
 * The cookies of a `Cookie` header, parsed by the `cookie` package as `@latchkey/backend` parses
 * them (and Clerk's SDKs): when a name appears twice the first one wins (browsers send the most
 * specific cookie first); values are taken as sent, only a pair of surrounding quotes removed.
 */
export function readCookies(header: string | null | undefined): Record<string, string | undefined> {
  return header ? parseCookie(header, VALUES_AS_SENT) : {};
}

const VALUES_AS_SENT = {
  decode: (value: string) =>
    value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value,
};

/** The value of cookie `name` in a `Cookie` header ({@link readCookies}), or `undefined`. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  return readCookies(header)[name];
}

/**
 * The `Cookie` header with `name` set to `value` (first), and every other cookie as
 * {@link readCookies} reads it: a page behind the middleware sees one value per name.
 */
export function replaceCookie(
  header: string | null | undefined,
  name: string,
  value: string,
): string {
  const pairs = [`${name}=${value}`];
  const others = header ? parseCookie(header, VERBATIM) : {};
  for (const [other, otherValue] of Object.entries(others)) {
    if (other !== name && otherValue !== undefined) pairs.push(`${other}=${otherValue}`);
  }
  return pairs.join("; ");
}

const VERBATIM = { decode: (value: string) => value };

/** Attributes of a `Set-Cookie` line written by the middleware. */
export interface CookieAttributes {
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
}

/**
 * A `Set-Cookie` value for the whole site (`Path=/; SameSite=Lax`). Written here rather than by
 * `cookie`'s `stringifySetCookie`, which orders the attributes differently (`Max-Age` before
 * `Path`): the exact lines are pinned by the middleware's tests and the instance's.
 */
export function serializeCookie(
  name: string,
  value: string,
  attributes: CookieAttributes = {},
): string {
  const parts = [`${name}=${value}`, "Path=/", "SameSite=Lax"];
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${attributes.maxAge}`);
  if (attributes.httpOnly) parts.push("HttpOnly");
  if (attributes.secure) parts.push("Secure");
  return parts.join("; ");
}
