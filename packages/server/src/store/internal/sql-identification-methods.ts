import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../database.js";
import type { Store } from "../store.js";
import { emailAddressFromRow, phoneNumberFromRow } from "./row-mappers.js";
import {
  EMAIL_KIND,
  type IdentificationKind,
  insertIdentification,
  lockIdentification,
  lockUser,
  PHONE_KIND,
  promoteNextPrimary,
  setPrimary,
  setVerification,
  setVerified,
} from "./sql-identifications.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type IdentificationMethods = Pick<
  Store,
  | "addEmailAddress"
  | "getEmailAddress"
  | "updateEmailAddress"
  | "deleteEmailAddress"
  | "addPhoneNumber"
  | "getPhoneNumber"
  | "updatePhoneNumber"
  | "deletePhoneNumber"
>;

/**
 * Refuses to delete a primary identification while the user has others of the same kind: the
 * caller must make another one primary first. The last one may go (the primary becomes null).
 */
async function assertDeletable(
  tx: Queryable,
  kind: IdentificationKind,
  user: Row,
  id: string,
): Promise<void> {
  if (user[kind.primaryColumn] !== id) return;
  const others = await tx.query(`SELECT 1 FROM ${kind.table} WHERE user_id = $1 AND id <> $2`, [
    user.id,
    id,
  ]);
  if (others.length > 0) {
    throw new ApiError("primary_identification_deletion_forbidden", {
      longMessage: `The primary ${kind === EMAIL_KIND ? "email address" : "phone number"} cannot be deleted while the user has others; make another one primary first.`,
    });
  }
}

/**
 * The email-address and phone-number half of the SQL store: each change runs in one transaction
 * under its user's lock and answers the identification. Every change of an identification is a
 * change of its user: the flow that makes it raises `user.updated` (`flows/users/change-user`).
 */
export function sqlIdentificationMethods({
  db,
  clock,
  ids,
  guard,
}: SqlStoreContext): IdentificationMethods {
  return {
    addEmailAddress: (userId, input) =>
      guard(() =>
        db.transaction(async (tx) => {
          const now = clock.now();
          const user = await lockUser(tx, userId);
          const row = await insertIdentification(tx, EMAIL_KIND, {
            id: ids("idn"),
            userId,
            value: input.emailAddress,
            status: input.status,
            now,
          });
          const primary = input.primary === true || user.primary_email_address_id === null;
          await setPrimary(
            tx,
            EMAIL_KIND,
            userId,
            primary ? String(row.id) : (user.primary_email_address_id as string),
            now,
          );
          return emailAddressFromRow(row);
        }),
      ),

    async getEmailAddress(id) {
      const rows = await db.query("SELECT * FROM email_addresses WHERE id = $1", [id]);
      return rows[0] === undefined ? null : emailAddressFromRow(rows[0]);
    },

    updateEmailAddress: (id, patch) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const { row } = await lockIdentification(tx, EMAIL_KIND, id);
        if (patch.verified !== undefined)
          await setVerified(tx, EMAIL_KIND, id, patch.verified, now);
        if (patch.verification !== undefined)
          await setVerification(tx, EMAIL_KIND, id, patch.verification, now);
        if (patch.primary === true) await setPrimary(tx, EMAIL_KIND, String(row.user_id), id, now);
        const rows = await tx.query("SELECT * FROM email_addresses WHERE id = $1", [id]);
        return emailAddressFromRow(rows[0]!);
      }),

    deleteEmailAddress: (id) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const found = await tx.query("SELECT user_id FROM email_addresses WHERE id = $1", [id]);
        if (found[0] === undefined) return null;
        const user = await lockUser(tx, String(found[0].user_id));
        await assertDeletable(tx, EMAIL_KIND, user, id);
        const rows = await tx.query("DELETE FROM email_addresses WHERE id = $1 RETURNING *", [id]);
        if (rows[0] === undefined) return null;
        if (user.primary_email_address_id === id) {
          await promoteNextPrimary(tx, EMAIL_KIND, String(user.id), now);
        } else {
          await tx.query("UPDATE users SET updated_at = $2 WHERE id = $1", [user.id, now]);
        }
        return emailAddressFromRow(rows[0]);
      }),

    addPhoneNumber: (userId, input) =>
      guard(() =>
        db.transaction(async (tx) => {
          const now = clock.now();
          const user = await lockUser(tx, userId);
          const secondFactor = input.reservedForSecondFactor === true;
          if (secondFactor && input.status !== "verified") {
            throw new ApiError("form_param_value_invalid", {
              paramName: "reserved_for_second_factor",
              longMessage: "Only a verified phone number can be reserved for second factor.",
            });
          }
          const hasDefault = await tx.query(
            "SELECT 1 FROM phone_numbers WHERE user_id = $1 AND default_second_factor",
            [userId],
          );
          const row = await insertIdentification(tx, PHONE_KIND, {
            id: ids("idn"),
            userId,
            value: input.phoneNumber,
            status: input.status,
            now,
            extra: {
              reservedForSecondFactor: secondFactor,
              defaultSecondFactor: secondFactor && hasDefault.length === 0,
            },
          });
          const primary = input.primary === true || user.primary_phone_number_id === null;
          await setPrimary(
            tx,
            PHONE_KIND,
            userId,
            primary ? String(row.id) : (user.primary_phone_number_id as string),
            now,
          );
          return phoneNumberFromRow(row);
        }),
      ),

    async getPhoneNumber(id) {
      const rows = await db.query("SELECT * FROM phone_numbers WHERE id = $1", [id]);
      return rows[0] === undefined ? null : phoneNumberFromRow(rows[0]);
    },

    updatePhoneNumber: (id, patch) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const { row } = await lockIdentification(tx, PHONE_KIND, id);
        const userId = String(row.user_id);
        if (patch.verified !== undefined)
          await setVerified(tx, PHONE_KIND, id, patch.verified, now);
        if (patch.primary === true) await setPrimary(tx, PHONE_KIND, userId, id, now);
        if (patch.reservedForSecondFactor !== undefined) {
          const verified = (patch.verified ?? row.verification_status === "verified") === true;
          if (patch.reservedForSecondFactor && !verified) {
            throw new ApiError("form_param_value_invalid", {
              paramName: "reserved_for_second_factor",
              longMessage: "Only a verified phone number can be reserved for second factor.",
            });
          }
          const hasDefault = await tx.query(
            "SELECT 1 FROM phone_numbers WHERE user_id = $1 AND default_second_factor AND id <> $2",
            [userId, id],
          );
          await tx.query(
            `UPDATE phone_numbers SET reserved_for_second_factor = $2, default_second_factor = $3,
               updated_at = $4 WHERE id = $1`,
            [
              id,
              patch.reservedForSecondFactor,
              patch.reservedForSecondFactor && hasDefault.length === 0,
              now,
            ],
          );
        }
        const rows = await tx.query("SELECT * FROM phone_numbers WHERE id = $1", [id]);
        return phoneNumberFromRow(rows[0]!);
      }),

    deletePhoneNumber: (id) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const found = await tx.query("SELECT user_id FROM phone_numbers WHERE id = $1", [id]);
        if (found[0] === undefined) return null;
        const user = await lockUser(tx, String(found[0].user_id));
        await assertDeletable(tx, PHONE_KIND, user, id);
        const rows = await tx.query("DELETE FROM phone_numbers WHERE id = $1 RETURNING *", [id]);
        if (rows[0] === undefined) return null;
        if (user.primary_phone_number_id === id) {
          await promoteNextPrimary(tx, PHONE_KIND, String(user.id), now);
        } else {
          await tx.query("UPDATE users SET updated_at = $2 WHERE id = $1", [user.id, now]);
        }
        return phoneNumberFromRow(rows[0]);
      }),
  };
}
