import { createHash } from "node:crypto";

/**
 * A backup code as it is compared: trimmed, lower-case, without spaces or dashes, so that
 * `ABCD-1234` and `abcd1234` are the same code.
 *
 * @example
 * normaliseBackupCode(" ABCD-1234 "); // "abcd1234"
 */
export function normaliseBackupCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, "");
}

/**
 * The stored form of a two-factor backup code: SHA-256 over the user id and the code, normalised
 * (see {@link normaliseBackupCode}).
 *
 * @example
 * await store.consumeBackupCode(user.id, hashBackupCode(user.id, body.code));
 */
export function hashBackupCode(userId: string, code: string): string {
  return createHash("sha256")
    .update(`${userId}:${normaliseBackupCode(code)}`, "utf8")
    .digest("hex");
}
