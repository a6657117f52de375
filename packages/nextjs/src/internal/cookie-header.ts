/**
 * The value of cookie `name` in a `Cookie` header, or `undefined`. Names match exactly; the first
 * occurrence wins (browsers send the most specific cookie first).
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    return value;
  }
  return undefined;
}

/** The `Cookie` header with every `name` pair replaced by one `name=value` (appended if absent). */
export function replaceCookie(
  header: string | null | undefined,
  name: string,
  value: string,
): string {
  const pairs = (header ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0);
  const kept = pairs.filter((pair) => {
    const eq = pair.indexOf("=");
    return (eq === -1 ? pair : pair.slice(0, eq).trim()) !== name;
  });
  return [`${name}=${value}`, ...kept].join("; ");
}

/** Attributes of a `Set-Cookie` line written by the middleware. */
export interface CookieAttributes {
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
}

/** A `Set-Cookie` value for the whole site (`Path=/; SameSite=Lax`). */
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
