import type { JwtPayload } from "@latchkey/backend";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The payload of a compact JWS WITHOUT verifying it, or `undefined` when it is not a JSON object
 * with a subject. Only for tokens whose signature is already known to be good (checked by the
 * backend, or vouched for by the middleware's HMAC).
 */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const binary = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const value: unknown = JSON.parse(utf8.decode(bytes));
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const payload = value as Record<string, unknown>;
    if (typeof payload.sub !== "string" || payload.sub.length === 0) return undefined;
    return payload as JwtPayload;
  } catch {
    return undefined;
  }
}
