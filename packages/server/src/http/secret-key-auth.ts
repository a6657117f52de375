import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../errors/api-error.js";

/** Shape of a secret key: `sk_test_…` or `sk_live_…`. */
export const SECRET_KEY_PATTERN = /^sk_(test|live)_[A-Za-z0-9_\-+/=]{8,}$/;

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a presented value is the instance's secret key, compared in constant time: both sides
 * are hashed with SHA-256 before `timingSafeEqual`, so the time says nothing about the input.
 *
 * @example
 * isSecretKey(request.headers.get("clerk-secret-key"), secretKey);
 */
export function isSecretKey(presented: string | null | undefined, secretKey: string): boolean {
  if (presented === null || presented === undefined || !SECRET_KEY_PATTERN.test(presented)) {
    return false;
  }
  return timingSafeEqual(sha256(presented), sha256(secretKey));
}

/**
 * Builds the check for `Authorization: Bearer <secret key>`, compared as {@link isSecretKey} does
 * (the instance key's digest is computed once, here, not per request).
 *
 * @throws ApiError `authentication_invalid` (missing header or wrong key), `clerk_key_invalid`
 *   (a bearer value that is not shaped like a secret key)
 */
export function createSecretKeyCheck(secretKey: string): (authorization: string | null) => void {
  const digest = sha256(secretKey);
  return (authorization) => {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
    const presented = match?.[1];
    if (presented === undefined) throw new ApiError("authentication_invalid");
    if (!SECRET_KEY_PATTERN.test(presented)) throw new ApiError("clerk_key_invalid");
    if (!timingSafeEqual(sha256(presented), digest)) throw new ApiError("authentication_invalid");
  };
}
