import { createHash } from "node:crypto";

/**
 * The stored form of a two-factor backup code: SHA-256 over the user id and the code, normalised
 * (trimmed, lower-case, without spaces or dashes) so that `ABCD-1234` and `abcd1234` match.
 *
 * @example
 * await store.consumeBackupCode(user.id, hashBackupCode(user.id, body.code));
 */
export function hashBackupCode(userId: string, code: string): string {
  const normalised = code.trim().toLowerCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(`${userId}:${normalised}`, "utf8").digest("hex");
}
