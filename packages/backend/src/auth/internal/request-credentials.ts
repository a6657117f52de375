/** Where a request's session token came from, and what the request looks like. */
export interface RequestCredentials {
  /** The token from `Authorization: Bearer`; when set, cookies are ignored. */
  headerToken: string | undefined;
  /** The `__session` cookie. */
  cookieToken: string | undefined;
  /** The `__client_uat` cookie in seconds: `undefined` when absent, `0` after sign-out. */
  clientUat: number | undefined;
}

/**
 * Reads the credentials of a request without parsing every cookie: only `__session` and
 * `__client_uat` are looked for, which keeps the cached path short.
 */
export function readRequestCredentials(request: Request): RequestCredentials {
  const headers = request.headers;
  const headerToken = bearerToken(headers.get("authorization"));
  if (headerToken !== undefined) {
    return { headerToken, cookieToken: undefined, clientUat: undefined };
  }
  const cookie = headers.get("cookie");
  const uat = cookie ? cookieValue(cookie, "__client_uat") : undefined;
  return {
    headerToken: undefined,
    cookieToken: cookie ? cookieValue(cookie, "__session") || undefined : undefined,
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
 * The value of the cookie `name` in a `Cookie` header, or `undefined`. Names must match exactly
 * (so `__session_x` is not `__session`); the first occurrence wins, as browsers send the most
 * specific cookie first.
 */
export function cookieValue(header: string, name: string): string | undefined {
  let from = 0;
  while (from < header.length) {
    const at = header.indexOf(name, from);
    if (at === -1) return undefined;
    const end = at + name.length;
    const startsPair = at === 0 || header[at - 1] === " " || header[at - 1] === ";";
    let cursor = end;
    while (header[cursor] === " ") cursor++;
    if (startsPair && header[cursor] === "=") {
      let valueEnd = header.indexOf(";", cursor + 1);
      if (valueEnd === -1) valueEnd = header.length;
      let value = header.slice(cursor + 1, valueEnd).trim();
      if (value.length >= 2 && value[0] === '"' && value[value.length - 1] === '"') {
        value = value.slice(1, -1);
      }
      return value;
    }
    from = end;
  }
  return undefined;
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
