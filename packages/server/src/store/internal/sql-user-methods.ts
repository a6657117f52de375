import { deepMergeMetadata } from "../../internal/deep-merge-metadata.js";
import { checkMetadataSize } from "../../internal/metadata-size.js";
import type { Queryable } from "../database.js";
import type { Metadata, NewUser, Store } from "../store.js";
import { loadExistingUser, loadUser, loadUsers } from "./load-users.js";
import { backupCodesNeedTotp, replaceBackupCodeRows } from "./sql-backup-codes.js";
import { EMAIL_KIND, insertIdentification, lockUser, PHONE_KIND } from "./sql-identifications.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { userFilterSql, userOrderSql } from "./user-filter-sql.js";
import { userPatchAssignments } from "./user-patch-sql.js";

type UserMethods = Pick<
  Store,
  | "createUser"
  | "getUser"
  | "listUsers"
  | "countUsers"
  | "lockUser"
  | "updateUser"
  | "deleteUser"
  | "setUserMetadata"
  | "getPasswordCredential"
  | "rehashPassword"
  | "getTotpSecret"
  | "setUserImage"
  | "removeUserImage"
  | "getImage"
>;

/**
 * The user half of the SQL store: rows in, records out. Each change runs in one transaction (the
 * flow's, inside `Store.transaction`) and answers the user as it now is; the `user.*` events are
 * raised by the flows (`flows/users`).
 */
export function sqlUserMethods(context: SqlStoreContext): UserMethods {
  const { db, clock, ids, guard } = context;

  const insertUser = async (tx: Queryable, input: NewUser): Promise<string> => {
    const now = clock.now();
    const id = ids("user");
    await tx.query(
      `INSERT INTO users (id, external_id, username, first_name, last_name, locale,
         public_metadata, private_metadata, unsafe_metadata,
         password_digest, password_hasher, password_updated_at, totp_secret, mfa_enabled_at,
         banned, locked_at, delete_self_enabled, create_organization_enabled,
         create_organizations_limit, legal_accepted_at, bypass_client_trust, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14,
         $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        id,
        input.externalId ?? null,
        input.username ?? null,
        input.firstName ?? null,
        input.lastName ?? null,
        input.locale ?? null,
        JSON.stringify(input.publicMetadata ?? {}),
        JSON.stringify(input.privateMetadata ?? {}),
        JSON.stringify(input.unsafeMetadata ?? {}),
        input.password?.digest ?? null,
        input.password?.hasher ?? null,
        input.password ? now : null,
        input.totpSecret ?? null,
        input.totpSecret ? now : null,
        input.banned ?? false,
        input.locked ? now : null,
        input.deleteSelfEnabled ?? true,
        input.createOrganizationEnabled ?? true,
        input.createOrganizationsLimit ?? null,
        input.legalAcceptedAt ?? null,
        input.bypassClientTrust ?? false,
        input.createdAt ?? now,
        now,
      ],
    );
    let primaryEmail: string | null = null;
    for (const email of input.emailAddresses ?? []) {
      const row = await insertIdentification(tx, EMAIL_KIND, {
        id: ids("idn"),
        userId: id,
        value: email.emailAddress,
        status: email.status,
        now,
      });
      primaryEmail ??= String(row.id);
    }
    let primaryPhone: string | null = null;
    for (const phone of input.phoneNumbers ?? []) {
      const row = await insertIdentification(tx, PHONE_KIND, {
        id: ids("idn"),
        userId: id,
        value: phone.phoneNumber,
        status: phone.status,
        now,
        extra: { reservedForSecondFactor: false, defaultSecondFactor: false },
      });
      primaryPhone ??= String(row.id);
    }
    if (primaryEmail !== null || primaryPhone !== null) {
      await tx.query(
        "UPDATE users SET primary_email_address_id = $2, primary_phone_number_id = $3 WHERE id = $1",
        [id, primaryEmail, primaryPhone],
      );
    }
    const backupCodeHashes = input.backupCodeHashes?.(id) ?? [];
    if (backupCodeHashes.length > 0) {
      if (!input.totpSecret) throw backupCodesNeedTotp();
      await replaceBackupCodeRows(tx, ids, id, backupCodeHashes, now);
    }
    return id;
  };

  return {
    createUser: (input) =>
      guard(() => db.transaction(async (tx) => loadExistingUser(tx, await insertUser(tx, input)))),

    getUser: (userId) => loadUser(db, userId),

    async listUsers(filter, page) {
      const params = new SqlParams();
      let where = userFilterSql(filter, params);
      if (page.startingAfter !== undefined) {
        const op = page.orderBy.direction === "asc" ? ">" : "<";
        where += ` AND (u.created_at, u.id) ${op} (SELECT c.created_at, c.id FROM users c WHERE c.id = ${params.add(page.startingAfter)})`;
      }
      const rows = await db.query<{ id: string }>(
        `SELECT u.id FROM users u WHERE ${where} ORDER BY ${userOrderSql(page.orderBy)}
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return loadUsers(
        db,
        rows.map((row) => row.id),
      );
    },

    async countUsers(filter) {
      const params = new SqlParams();
      const rows = await db.query<{ total: number }>(
        `SELECT count(*) AS total FROM users u WHERE ${userFilterSql(filter, params)}`,
        params.values,
      );
      return Number(rows[0]?.total ?? 0);
    },

    lockUser: (userId) =>
      db.transaction(async (tx) => {
        const rows = await tx.query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", [userId]);
        return rows.length === 0 ? null : loadExistingUser(tx, userId);
      }),

    updateUser: (userId, patch) =>
      guard(() =>
        db.transaction(async (tx) => {
          const current = await lockUser(tx, userId);
          const now = clock.now();
          const params = new SqlParams();
          const sets = userPatchAssignments(patch, current, now, params);
          await tx.query(
            `UPDATE users SET ${sets.join(", ")} WHERE id = ${params.add(userId)}`,
            params.values,
          );
          // Backup codes stand in for TOTP: they are replaced only for a user who keeps (or
          // gets) TOTP, and go when TOTP goes.
          const hasTotp =
            patch.totpSecret === undefined
              ? current.totp_secret !== null
              : patch.totpSecret !== null;
          if (patch.backupCodeHashes !== undefined) {
            if (!hasTotp) throw backupCodesNeedTotp();
            await replaceBackupCodeRows(tx, ids, userId, patch.backupCodeHashes, now);
          } else if (patch.totpSecret === null) {
            await tx.query("DELETE FROM backup_codes WHERE user_id = $1", [userId]);
          }
          return loadExistingUser(tx, userId);
        }),
      ),

    async deleteUser(userId) {
      const rows = await db.query<{ id: string; external_id: string | null }>(
        "DELETE FROM users WHERE id = $1 RETURNING id, external_id",
        [userId],
      );
      const row = rows[0];
      return row === undefined ? null : { id: row.id, externalId: row.external_id };
    },

    setUserMetadata: (userId, update, mode) =>
      db.transaction(async (tx) => {
        const current = await lockUser(tx, userId);
        const next = (column: string, value: Metadata | null | undefined): Metadata => {
          const existing = (current[column] ?? {}) as Metadata;
          if (value === undefined) return existing;
          if (mode === "replace" || value === null) return value ?? {};
          const merged = deepMergeMetadata(existing, value);
          checkMetadataSize(column, merged);
          return merged;
        };
        await tx.query(
          `UPDATE users SET public_metadata = $2::jsonb, private_metadata = $3::jsonb,
             unsafe_metadata = $4::jsonb, updated_at = $5 WHERE id = $1`,
          [
            userId,
            JSON.stringify(next("public_metadata", update.publicMetadata)),
            JSON.stringify(next("private_metadata", update.privateMetadata)),
            JSON.stringify(next("unsafe_metadata", update.unsafeMetadata)),
            clock.now(),
          ],
        );
        return loadExistingUser(tx, userId);
      }),

    async getPasswordCredential(userId) {
      const rows = await db.query<{
        password_digest: string | null;
        password_hasher: string | null;
      }>("SELECT password_digest, password_hasher FROM users WHERE id = $1", [userId]);
      const row = rows[0];
      if (row?.password_digest == null) return null;
      return { digest: row.password_digest, hasher: row.password_hasher ?? "argon2id" };
    },

    async rehashPassword(userId, previousDigest, next) {
      // Compare-and-set on the old digest: a password changed meanwhile is never overwritten.
      // Not a visible change of the user (same password, same timestamps), so no event.
      const rows = await db.query(
        `UPDATE users SET password_digest = $3, password_hasher = $4
         WHERE id = $1 AND password_digest = $2 RETURNING id`,
        [userId, previousDigest, next.digest, next.hasher],
      );
      return rows.length > 0;
    },

    async getTotpSecret(userId) {
      const rows = await db.query<{ totp_secret: string | null }>(
        "SELECT totp_secret FROM users WHERE id = $1",
        [userId],
      );
      return rows[0]?.totp_secret ?? null;
    },

    setUserImage: (userId, image) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const current = await lockUser(tx, userId);
        const imageId = ids("img");
        await tx.query(
          "INSERT INTO images (id, user_id, content_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)",
          [imageId, userId, image.contentType, image.bytes, now],
        );
        await tx.query("UPDATE users SET image_id = $2, updated_at = $3 WHERE id = $1", [
          userId,
          imageId,
          now,
        ]);
        if (current.image_id !== null) {
          await tx.query("DELETE FROM images WHERE id = $1", [current.image_id]);
        }
        return loadExistingUser(tx, userId);
      }),

    removeUserImage: (userId) =>
      db.transaction(async (tx) => {
        const current = await lockUser(tx, userId);
        await tx.query("UPDATE users SET image_id = NULL, updated_at = $2 WHERE id = $1", [
          userId,
          clock.now(),
        ]);
        if (current.image_id !== null) {
          await tx.query("DELETE FROM images WHERE id = $1", [current.image_id]);
        }
        return loadExistingUser(tx, userId);
      }),

    async getImage(imageId) {
      const rows = await db.query("SELECT * FROM images WHERE id = $1", [imageId]);
      const row = rows[0];
      if (row === undefined) return null;
      return {
        id: String(row.id),
        contentType: String(row.content_type),
        bytes: new Uint8Array(row.bytes as Uint8Array),
        createdAt: Number(row.created_at),
      };
    },
  };
}
