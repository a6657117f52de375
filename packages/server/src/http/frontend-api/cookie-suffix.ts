import { createHash } from "node:crypto";

/**
 * The suffix Clerk's SDKs add to cookie names (`__session_<suffix>`) so that several apps on one
 * host keep apart: the first 8 characters of the base64url SHA-1 of the publishable key. SHA-1
 * here is a name, not a security measure.
 *
 * @example
 * `${SESSION_COOKIE}_${cookieSuffix(publishableKey)}`
 */
export function cookieSuffix(publishableKey: string): string {
  return createHash("sha1").update(publishableKey, "utf8").digest("base64url").slice(0, 8);
}
