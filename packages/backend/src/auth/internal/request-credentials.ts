import { parseCookie } from "cookie";

/** Where a request's session token came from, and what the request looks like. */
export interface RequestCredentials {
  /** The token from `Authorization: Bearer`; when set, cookies are ignored. */
  headerToken: string | undefined;
  /** The `__session` cookie. */
  cookieToken: string | undefined;
  /** The `__client_uat` cookie in seconds: `undefined` when absent, `0` after sign-out. */
  clientUat: number | undefined;
}

/** Reads the credentials of a request: the Bearer token, or the session cookies. */
export function readRequestCredentials(request: Request): RequestCredentials {
  const headers = request.headers;
  const headerToken = bearerToken(headers.get("authorization"));
  if (headerToken !== undefined) {
    return { headerToken, cookieToken: undefined, clientUat: undefined };
  }
  const cookie = headers.get("cookie");
  if (!cookie) return { headerToken: undefined, cookieToken: undefined, clientUat: undefined };
  const cookies = parseCookies(cookie);
  const uat = cookies.__client_uat;
  return {
    headerToken: undefined,
    cookieToken: cookies.__session || undefined,
    clientUat: uat === undefined ? undefined : parseUat(uat),
  };
}

/** The credentials of an `Authorization` header value, when it uses the Bearer scheme. */
export function bearerToken(authorization: string | null): string | undefined {
  if (!authorization) return undefined;
  const value = authorization.trim();
  if (value.length < 7 || value.slice(0, 7).toLowerCase() !== "bearer ") return undefined;
  const token = value.slice(7).trim();
  return token.length > 0 ? token : undefined;
}

/**
 * The cookies of a `Cookie` header, parsed by the `cookie` package (as Clerk's SDK does). When a
 * name appears twice the first one wins (browsers send the most specific cookie first). Values are
 * taken as sent, only a pair of surrounding quotes removed: session tokens are never
 * percent-encoded, and a value is never altered on its way through.
 */
export function parseCookies(header: string): Record<string, string | undefined> {
  return parseCookie(header, COOKIE_VALUES_AS_SENT);
}

const COOKIE_VALUES_AS_SENT = {
  decode: (value: string) =>
    value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value,
};

/** The value of the cookie `name` in a `Cookie` header (by {@link parseCookies}), or `undefined`. */
export function cookieValue(header: string, name: string): string | undefined {
  return parseCookies(header)[name];
}

function parseUat(value: string): number {
  const seconds = /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
  // A malformed value counts as "signed out" rather than as "no information": fail closed.
  return Number.isFinite(seconds) ? seconds : 0;
}

/** A top-level page load (GET for a document), which may be renewed; other requests never are. */
export function isDocumentRequest(request: Request): boolean {
  if (request.method !== "GET") return false;
  const dest = request.headers.get("sec-fetch-dest");
  if (dest !== null) return dest === "document" || dest === "iframe";
  return request.headers.get("accept")?.includes("text/html") ?? false;
}
