import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../database.js";
import type { NewIdentification, VerificationRecord } from "../store.js";

/** What differs between email addresses and phone numbers in SQL. */
export interface IdentificationKind {
  table: "email_addresses" | "phone_numbers";
  valueColumn: "email_address" | "phone_number";
  primaryColumn: "primary_email_address_id" | "primary_phone_number_id";
}

export const EMAIL_KIND: IdentificationKind = {
  table: "email_addresses",
  valueColumn: "email_address",
  primaryColumn: "primary_email_address_id",
};

export const PHONE_KIND: IdentificationKind = {
  table: "phone_numbers",
  valueColumn: "phone_number",
  primaryColumn: "primary_phone_number_id",
};

/** Verification columns for a new identification: BAPI-created ones are verified by `admin`. */
export function verificationColumns(status: NewIdentification["status"]): {
  verificationStatus: string | null;
  verificationStrategy: string | null;
  reserved: boolean;
} {
  if (status === "verified") {
    return { verificationStatus: "verified", verificationStrategy: "admin", reserved: false };
  }
  return { verificationStatus: null, verificationStrategy: null, reserved: status === "reserved" };
}

/** Inserts an identification row and returns it. Uniqueness is left to the database. */
export async function insertIdentification(
  tx: Queryable,
  kind: IdentificationKind,
  values: {
    id: string;
    userId: string;
    value: string;
    status: NewIdentification["status"];
    now: number;
    extra?: { reservedForSecondFactor: boolean; defaultSecondFactor: boolean };
  },
): Promise<Row> {
  const v = verificationColumns(values.status);
  const extraColumns = values.extra ? ", reserved_for_second_factor, default_second_factor" : "";
  const extraValues = values.extra ? ", $8, $9" : "";
  const params: unknown[] = [
    values.id,
    values.userId,
    values.value,
    v.reserved,
    v.verificationStatus,
    v.verificationStrategy,
    values.now,
  ];
  if (values.extra) {
    params.push(values.extra.reservedForSecondFactor, values.extra.defaultSecondFactor);
  }
  const rows = await tx.query(
    `INSERT INTO ${kind.table}
       (id, user_id, ${kind.valueColumn}, reserved, verification_status, verification_strategy,
        created_at, updated_at${extraColumns})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7${extraValues})
     RETURNING *`,
    params,
  );
  return rows[0]!;
}

/** Locks the user row for the rest of the transaction; throws `resource_not_found` when missing. */
export async function lockUser(tx: Queryable, userId: string): Promise<Row> {
  const rows = await tx.query("SELECT * FROM users WHERE id = $1 FOR UPDATE", [userId]);
  const row = rows[0];
  if (row === undefined) throw new ApiError("resource_not_found", { paramName: "user_id" });
  return row;
}

/** Loads an identification and locks its user; throws `resource_not_found` when missing. */
export async function lockIdentification(
  tx: Queryable,
  kind: IdentificationKind,
  id: string,
): Promise<{ row: Row; user: Row }> {
  const rows = await tx.query(`SELECT * FROM ${kind.table} WHERE id = $1`, [id]);
  const row = rows[0];
  if (row === undefined) throw new ApiError("resource_not_found");
  const user = await lockUser(tx, String(row.user_id));
  return { row, user };
}

export async function setPrimary(
  tx: Queryable,
  kind: IdentificationKind,
  userId: string,
  id: string | null,
  now: number,
): Promise<void> {
  await tx.query(`UPDATE users SET ${kind.primaryColumn} = $2, updated_at = $3 WHERE id = $1`, [
    userId,
    id,
    now,
  ]);
}

/** After deleting the primary identification: the oldest remaining (verified first) takes over. */
export async function promoteNextPrimary(
  tx: Queryable,
  kind: IdentificationKind,
  userId: string,
  now: number,
): Promise<void> {
  const next = await tx.query<{ id: string }>(
    `SELECT id FROM ${kind.table} WHERE user_id = $1
     ORDER BY (verification_status = 'verified') DESC NULLS LAST, seq LIMIT 1`,
    [userId],
  );
  await setPrimary(tx, kind, userId, next[0]?.id ?? null, now);
}

/** Marks an identification verified (admin) or unverified. */
export async function setVerified(
  tx: Queryable,
  kind: IdentificationKind,
  id: string,
  verified: boolean,
  now: number,
): Promise<void> {
  const v = verificationColumns(verified ? "verified" : "unverified");
  await tx.query(
    `UPDATE ${kind.table}
     SET verification_status = $2, verification_strategy = $3,
         reserved = CASE WHEN $2::text IS NULL THEN reserved ELSE false END,
         verification_attempts = NULL, verification_expire_at = NULL, updated_at = $4
     WHERE id = $1`,
    [id, v.verificationStatus, v.verificationStrategy, now],
  );
}

/** Records an identification's verification as it stands (a code's: pending, attempts, expiry). */
export async function setVerification(
  tx: Queryable,
  kind: IdentificationKind,
  id: string,
  verification: VerificationRecord,
  now: number,
): Promise<void> {
  await tx.query(
    `UPDATE ${kind.table}
     SET verification_status = $2, verification_strategy = $3, verification_attempts = $4,
         verification_expire_at = $5,
         reserved = CASE WHEN $2::text = 'verified' THEN false ELSE reserved END, updated_at = $6
     WHERE id = $1`,
    [
      id,
      verification.status,
      verification.strategy,
      verification.attempts,
      verification.expireAt,
      now,
    ],
  );
}
