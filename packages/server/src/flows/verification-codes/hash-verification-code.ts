import { createHmac } from "node:crypto";

/**
 * The stored form of an email code: HMAC-SHA256 keyed by the instance (so a database dump alone
 * does not let anyone test the million possible codes) over the subject id and the code (so one
 * digest is only valid for its own sign-up or sign-in). Deterministic, so the store can compare
 * digests inside its atomic consume statement.
 *
 * @example
 * const codeHash = hashVerificationCode(frontend.codeKey, signUp.id, "123456");
 */
export function hashVerificationCode(key: Uint8Array, subjectId: string, code: string): string {
  return createHmac("sha256", key).update(`${subjectId}:${code}`, "utf8").digest("hex");
}
