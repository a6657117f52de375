import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type { TotpEnrollmentRecord, TotpEnrollmentStore } from "../totp-enrollment-store.js";
import { loadExistingUser } from "./load-users.js";
import { replaceBackupCodeRows } from "./sql-backup-codes.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function enrollmentFromRow(row: Row): TotpEnrollmentRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    secret: String(row.secret),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Pending TOTP enrolments: the SQL part of {@link TotpEnrollmentStore}. */
export function sqlTotpEnrollmentMethods({ db, clock, ids }: SqlStoreContext): TotpEnrollmentStore {
  return {
    async startTotpEnrollment(userId, secret) {
      const now = clock.now();
      const users = await db.query("SELECT 1 FROM users WHERE id = $1", [userId]);
      if (users.length === 0) throw new ApiError("resource_not_found", { paramName: "user_id" });
      // One statement: concurrent starts leave exactly one row (the last one wins).
      const rows = await db.query(
        `INSERT INTO totp_enrollments (id, user_id, secret, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (user_id) DO UPDATE
           SET id = EXCLUDED.id, secret = EXCLUDED.secret,
               created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [ids("totp"), userId, secret, now],
      );
      const row = rows[0];
      if (row === undefined) throw new Error("INSERT … RETURNING gave no row");
      return enrollmentFromRow(row);
    },

    async getTotpEnrollment(userId) {
      const rows = await db.query("SELECT * FROM totp_enrollments WHERE user_id = $1", [userId]);
      return rows[0] === undefined ? null : enrollmentFromRow(rows[0]);
    },

    completeTotpEnrollment: (userId, enrollmentId, backupCodeHashes) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        // Consumed by exactly one caller: the DELETE decides who completes.
        const taken = await tx.query<{ secret: string }>(
          "DELETE FROM totp_enrollments WHERE user_id = $1 AND id = $2 RETURNING secret",
          [userId, enrollmentId],
        );
        const secret = taken[0]?.secret;
        if (secret === undefined) return null;
        await tx.query(
          `UPDATE users SET totp_secret = $2, mfa_enabled_at = $3, updated_at = $3 WHERE id = $1`,
          [userId, secret, now],
        );
        if (backupCodeHashes !== null) {
          await replaceBackupCodeRows(tx, ids, userId, backupCodeHashes, now);
        }
        return loadExistingUser(tx, userId);
      }),

    async cancelTotpEnrollment(userId) {
      await db.query("DELETE FROM totp_enrollments WHERE user_id = $1", [userId]);
    },
  };
}
