import { randomBase62 } from "../../id-generator.js";
import type { Queryable } from "../database.js";
import type { CodeAttemptResult, FrontendStore, VerificationState } from "../frontend-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type VerificationMethods = Pick<
  FrontendStore,
  | "createVerificationCode"
  | "attemptVerificationCode"
  | "lockVerificationState"
  | "countVerificationAttemptSlots"
  | "insertVerificationAttemptSlot"
  | "countFailedVerification"
  | "releaseVerificationAttempt"
  | "resetFailedVerifications"
  | "replaceBackupCodes"
  | "countBackupCodes"
  | "consumeBackupCode"
>;

/** The user's row, locked for this transaction: its failure count and lock; null when gone. */
async function lockUserRow(tx: Queryable, userId: string): Promise<VerificationState | null> {
  const rows = await tx.query<{
    failed_verification_attempts: number;
    locked_at: number | null;
    lockout_expires_at: number | null;
  }>(
    `SELECT failed_verification_attempts, locked_at, lockout_expires_at FROM users
     WHERE id = $1 FOR UPDATE`,
    [userId],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    failedAttempts: Number(row.failed_verification_attempts),
    locked: row.locked_at !== null,
    lockoutExpiresAt: row.lockout_expires_at === null ? null : Number(row.lockout_expires_at),
  };
}

/**
 * One-time email codes, failed-attempt counting and attempt slots, and backup codes. Every check
 * that must hold across processes is a single conditional statement (or runs under the user's row
 * lock), never a read followed by a write. How many checks may run, and when a user locks, is
 * decided by the flows (`flows/users`).
 */
export function sqlVerificationMethods({ db, clock, ids }: SqlStoreContext): VerificationMethods {
  return {
    createVerificationCode: (input) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        // A new code replaces the previous ones of the same subject.
        await tx.query(
          `UPDATE verification_codes SET consumed_at = $3
           WHERE subject_id = $1 AND purpose = $2 AND consumed_at IS NULL`,
          [input.subjectId, input.purpose, now],
        );
        await tx.query(
          `INSERT INTO verification_codes (id, purpose, subject_id, email_address, code_hash,
             max_attempts, expire_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            ids("vco"),
            input.purpose,
            input.subjectId,
            input.emailAddress,
            input.codeHash,
            input.maxAttempts,
            input.expireAt,
            now,
          ],
        );
      }),

    async attemptVerificationCode({ purpose, subjectId, codeHash }): Promise<CodeAttemptResult> {
      const now = clock.now();
      // Consume: exactly one caller can see `consumed_at IS NULL` and set it.
      const consumed = await db.query(
        `UPDATE verification_codes SET consumed_at = $4
         WHERE subject_id = $1 AND purpose = $2 AND code_hash = $3 AND consumed_at IS NULL
           AND expire_at > $4 AND attempts < max_attempts
         RETURNING id`,
        [subjectId, purpose, codeHash, now],
      );
      if (consumed.length > 0) return { outcome: "verified" };
      const counted = await db.query<{ attempts: number; max_attempts: number }>(
        `UPDATE verification_codes SET attempts = attempts + 1
         WHERE subject_id = $1 AND purpose = $2 AND consumed_at IS NULL
           AND expire_at > $3 AND attempts < max_attempts
         RETURNING attempts, max_attempts`,
        [subjectId, purpose, now],
      );
      const count = counted[0];
      if (count !== undefined) {
        const attempts = Number(count.attempts);
        const left = Number(count.max_attempts) - attempts;
        return left <= 0
          ? { outcome: "too_many_attempts", attempts }
          : { outcome: "incorrect", attempts, attemptsLeft: left };
      }
      const open = await db.query<{ attempts: number; max_attempts: number; expire_at: number }>(
        `SELECT attempts, max_attempts, expire_at FROM verification_codes
         WHERE subject_id = $1 AND purpose = $2 AND consumed_at IS NULL
         ORDER BY created_at DESC LIMIT 1`,
        [subjectId, purpose],
      );
      const code = open[0];
      if (code === undefined) return { outcome: "missing" };
      if (Number(code.expire_at) <= now) return { outcome: "expired" };
      return { outcome: "too_many_attempts", attempts: Number(code.attempts) };
    },

    lockVerificationState: (userId) => lockUserRow(db, userId),

    async countVerificationAttemptSlots(userId) {
      await db.query(
        "DELETE FROM verification_attempt_slots WHERE user_id = $1 AND expire_at <= $2",
        [userId, clock.now()],
      );
      const rows = await db.query<{ total: number }>(
        "SELECT count(*) AS total FROM verification_attempt_slots WHERE user_id = $1",
        [userId],
      );
      return Number(rows[0]?.total ?? 0);
    },

    async insertVerificationAttemptSlot(userId, expireAt) {
      const slotId = `vas_${randomBase62()}`;
      await db.query(
        "INSERT INTO verification_attempt_slots (id, user_id, expire_at) VALUES ($1, $2, $3)",
        [slotId, userId, expireAt],
      );
      return slotId;
    },

    countFailedVerification: (userId, slotId) =>
      db.transaction(async (tx) => {
        const user = await lockUserRow(tx, userId);
        await tx.query("DELETE FROM verification_attempt_slots WHERE id = $1", [slotId]);
        if (user === null) return { attempts: 0, lockoutExpiresAt: null, locked: false };
        const attempts = user.failedAttempts + 1;
        await tx.query("UPDATE users SET failed_verification_attempts = $2 WHERE id = $1", [
          userId,
          attempts,
        ]);
        return user.locked
          ? { attempts, lockoutExpiresAt: user.lockoutExpiresAt, locked: true }
          : { attempts, lockoutExpiresAt: null, locked: false };
      }),

    releaseVerificationAttempt: (userId, slotId, { clearFailures }) =>
      db.transaction(async (tx) => {
        const user = await lockUserRow(tx, userId);
        await tx.query("DELETE FROM verification_attempt_slots WHERE id = $1", [slotId]);
        if (user === null) return { locked: false, lockoutExpiresAt: null };
        if (!user.locked) {
          if (clearFailures && user.failedAttempts !== 0) {
            await tx.query("UPDATE users SET failed_verification_attempts = 0 WHERE id = $1", [
              userId,
            ]);
          }
          return { locked: false, lockoutExpiresAt: null };
        }
        const expired = user.lockoutExpiresAt !== null && user.lockoutExpiresAt <= clock.now();
        return expired
          ? { locked: false, lockoutExpiresAt: null }
          : { locked: true, lockoutExpiresAt: user.lockoutExpiresAt };
      }),

    async resetFailedVerifications(userId) {
      await db.query(
        `UPDATE users SET failed_verification_attempts = 0,
           locked_at = CASE WHEN lockout_expires_at <= $2 THEN NULL ELSE locked_at END,
           lockout_expires_at = CASE WHEN lockout_expires_at <= $2 THEN NULL ELSE lockout_expires_at END
         WHERE id = $1 AND (failed_verification_attempts <> 0 OR lockout_expires_at <= $2)`,
        [userId, clock.now()],
      );
    },

    replaceBackupCodes: (userId, codeHashes) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        await tx.query("DELETE FROM backup_codes WHERE user_id = $1", [userId]);
        for (const codeHash of new Set(codeHashes)) {
          await tx.query(
            "INSERT INTO backup_codes (id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4)",
            [ids("bcode"), userId, codeHash, now],
          );
        }
      }),

    async countBackupCodes(userId) {
      const rows = await db.query<{ total: number }>(
        "SELECT count(*) AS total FROM backup_codes WHERE user_id = $1 AND consumed_at IS NULL",
        [userId],
      );
      return Number(rows[0]?.total ?? 0);
    },

    async consumeBackupCode(userId, codeHash) {
      const rows = await db.query(
        `UPDATE backup_codes SET consumed_at = $3
         WHERE user_id = $1 AND code_hash = $2 AND consumed_at IS NULL RETURNING id`,
        [userId, codeHash, clock.now()],
      );
      return rows.length > 0;
    },
  };
}
