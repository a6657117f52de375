import type { JwtPayload } from "@latchkey/backend";
import { decodeJwt } from "jose";

/**
 * The payload of a compact JWS WITHOUT verifying it (jose's `decodeJwt`), or `undefined` when it
 * is not a JSON object with a subject. Only for tokens whose signature is already known to be
 * good (checked by the backend, or vouched for by the middleware's HMAC).
 */
export function decodeJwtPayload(token: string): JwtPayload | undefined {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch {
    return undefined;
  }
  if (typeof payload.sub !== "string" || payload.sub.length === 0) return undefined;
  return payload as JwtPayload;
}
