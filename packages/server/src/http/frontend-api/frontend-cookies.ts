import { parseCookie, stringifySetCookie } from "cookie";

/** Cookie names of the Frontend API, as Clerk names them. */
export const CLIENT_COOKIE = "__client";
export const SESSION_COOKIE = "__session";
export const CLIENT_UAT_COOKIE = "__client_uat";

/** About one year, the lifetime of `__client` and `__client_uat`. */
export const LONG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Reads one cookie from a `Cookie` header with the `cookie` package, by the rule the SDKs use too:
 * the first occurrence of a name wins, and a value is taken as sent (only a pair of surrounding
 * quotes removed; our values are URL-safe, so nothing is percent-decoded).
 *
 * @example
 * readCookie("a=1; __client=abc", "__client"); // "abc"
 */
export function readCookie(header: string | null, name: string): string | null {
  if (header === null) return null;
  return parseCookie(header, VALUES_AS_SENT)[name] ?? null;
}

const VALUES_AS_SENT = {
  decode: (value: string) =>
    value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value,
};

/** Attributes of a `Set-Cookie`. */
export interface CookieAttributes {
  httpOnly?: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie; absent makes a session cookie. */
  maxAge?: number;
}

/**
 * Serialises a host-only cookie with the `cookie` package (no `Domain`: the browser keeps it on
 * the host it called, which is the app's own host since the app proxies the Frontend API),
 * `Path=/`, `SameSite=Lax`. Values are written as given (tokens and timestamps are URL-safe).
 *
 * @example
 * serializeCookie("__client_uat", "0", { secure: false, maxAge: 31536000 });
 * // "__client_uat=0; Max-Age=31536000; Path=/; SameSite=Lax"
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  return stringifySetCookie(
    {
      name,
      value,
      path: "/",
      maxAge: attributes.maxAge,
      httpOnly: attributes.httpOnly,
      secure: attributes.secure,
      sameSite: "lax",
    },
    VALUES_AS_GIVEN,
  );
}

const VALUES_AS_GIVEN = { encode: (value: string) => value };
