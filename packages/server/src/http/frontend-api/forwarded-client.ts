import { createHmac, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * Header by which an app's Frontend API proxy (`clerkMiddleware` in `@latchkey/nextjs`) tells the
 * instance who its caller was: `v1;<unix seconds>;<http|https>;<address or empty>;<mac>`, the MAC
 * being base64url HMAC-SHA256 keyed with the instance's secret key over the other fields. Only a
 * holder of the secret key can make one, so the instance believes it where it believes no
 * `X-Forwarded-For`.
 */
export const FORWARDED_CLIENT_HEADER = "x-latchkey-forwarded-client";

/** How far a forwarded-client header's time may be from the instance's clock, in seconds. */
export const FORWARDED_CLIENT_MAX_AGE_SECONDS = 60;

/** What a verified forwarded-client header says. */
export interface ForwardedClient {
  /** The browser's address as the app saw it; null when the app could not tell. */
  address: string | null;
  /** The scheme the browser used to reach the app. */
  secure: boolean;
}

/** The text a forwarded-client MAC covers: fixed fields, newline-separated, versioned. */
export function forwardedClientMessage(seconds: string, proto: string, address: string): string {
  return `latchkey-forwarded-client:v1\n${seconds}\n${proto}\n${address}`;
}

/**
 * Reads and verifies a forwarded-client header (see {@link FORWARDED_CLIENT_HEADER}). Any flaw
 * (wrong shape, unknown version, an address that is not an IP address, a time off by more than
 * {@link FORWARDED_CLIENT_MAX_AGE_SECONDS}, a MAC that does not match) makes it null: the caller
 * then falls back to what it can see itself.
 *
 * @example
 * verifyForwardedClient(request.headers.get(FORWARDED_CLIENT_HEADER), secretKey, Date.now());
 * // { address: "203.0.113.7", secure: true }, or null
 */
export function verifyForwardedClient(
  header: string | null,
  secretKey: string,
  nowMs: number,
): ForwardedClient | null {
  if (header === null || header.length > 256) return null;
  const parts = header.split(";");
  if (parts.length !== 5) return null;
  const [version, seconds = "", proto = "", address = "", mac = ""] = parts;
  if (version !== "v1" || !/^\d{1,12}$/.test(seconds)) return null;
  if (proto !== "http" && proto !== "https") return null;
  if (address !== "" && isIP(address) === 0) return null;
  if (Math.abs(Number(seconds) - nowMs / 1000) > FORWARDED_CLIENT_MAX_AGE_SECONDS) return null;
  const expected = createHmac("sha256", secretKey)
    .update(forwardedClientMessage(seconds, proto, address), "utf8")
    .digest();
  const presented = Buffer.from(mac, "base64url");
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  return { address: address === "" ? null : address, secure: proto === "https" };
}
