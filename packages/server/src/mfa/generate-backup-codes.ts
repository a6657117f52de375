import { randomInt } from "node:crypto";
import { hashBackupCode } from "./hash-backup-code.js";

/** How many backup codes a new set holds. */
export const BACKUP_CODE_COUNT = 10;
/** Characters of one backup code. */
export const BACKUP_CODE_LENGTH = 8;

// Lower-case letters and digits without the look-alikes 0/o and 1/l/i.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A new set of backup codes: the codes (shown to the user once) and their digests (stored). */
export interface BackupCodeSet {
  codes: string[];
  hashes: string[];
}

/**
 * Generates {@link BACKUP_CODE_COUNT} distinct random backup codes for a user, with the digests
 * the store keeps (see `hashBackupCode`). Only the digests may be stored.
 *
 * @example
 * const { codes, hashes } = generateBackupCodes(user.id);
 * await store.replaceBackupCodes(user.id, hashes);
 */
export function generateBackupCodes(userId: string): BackupCodeSet {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) {
    let code = "";
    for (let i = 0; i < BACKUP_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(code);
  }
  const list = [...codes];
  return { codes: list, hashes: list.map((code) => hashBackupCode(userId, code)) };
}
