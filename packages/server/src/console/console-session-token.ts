import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Name of the console's session cookie (HttpOnly, SameSite=Strict, Path=/console). */
export const CONSOLE_COOKIE = "latchkey_console";

/** A new session token: 32 random bytes, base64url. Only its hash is stored. */
export function newConsoleSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The SHA-256 (hex) a session token is stored and found under. */
export function consoleTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The CSRF token of a session: an HMAC of a fixed label under the session token, so it is known
 * only to pages of that session (the cookie itself is HttpOnly) and needs no storage.
 */
export function consoleCsrfToken(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update("latchkey-console-csrf").digest("base64url");
}

/** Whether a presented CSRF token is the session's, compared in constant time. */
export function isConsoleCsrfToken(presented: unknown, sessionToken: string): boolean {
  if (typeof presented !== "string") return false;
  const expected = Buffer.from(consoleCsrfToken(sessionToken), "utf8");
  const given = Buffer.from(presented, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
