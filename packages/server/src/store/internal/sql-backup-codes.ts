import { ApiError } from "../../errors/api-error.js";
import type { IdGenerator } from "../../id-generator.js";
import type { Queryable } from "../database.js";

/**
 * Replaces a user's backup codes inside the caller's transaction: the previous set (used or not)
 * is deleted and the given digests (see `hashBackupCode`) are stored unused, duplicates once.
 *
 * @example
 * await replaceBackupCodeRows(tx, ids, userId, hashes, clock.now());
 */
export async function replaceBackupCodeRows(
  tx: Queryable,
  ids: IdGenerator,
  userId: string,
  codeHashes: readonly string[],
  now: number,
): Promise<void> {
  await tx.query("DELETE FROM backup_codes WHERE user_id = $1", [userId]);
  for (const codeHash of new Set(codeHashes)) {
    await tx.query(
      "INSERT INTO backup_codes (id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4)",
      [ids("bcode"), userId, codeHash, now],
    );
  }
}

/**
 * The error for backup codes given to a user without TOTP: they stand in for the authenticator
 * app, and without one the sign-in never asks for a second factor they could answer.
 */
export function backupCodesNeedTotp(): ApiError {
  return new ApiError("form_param_value_invalid", {
    paramName: "backup_codes",
    longMessage:
      "backup_codes need TOTP: give totp_secret with them, or enable TOTP for the user first.",
  });
}
