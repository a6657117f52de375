import type { Queryable } from "../database.js";
import type {
  ImportedIdentification,
  ImportedUser,
  ImportedUserOutcome,
  UserImportStore,
} from "../user-import-store.js";
import {
  findConflict,
  isUnchanged,
  loadOwners,
  loadStoredUsers,
  releasingOwners,
  type StoredUser,
} from "./imported-user-state.js";
import { loadUsers } from "./load-users.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** A new identification row to insert in bulk. */
interface IdentificationRow {
  id: string;
  userId: string;
  value: string;
  verified: boolean;
}

async function insertIdentifications(
  tx: Queryable,
  table: "email_addresses" | "phone_numbers",
  rows: IdentificationRow[],
  now: number,
): Promise<void> {
  if (rows.length === 0) return;
  const valueColumn = table === "email_addresses" ? "email_address" : "phone_number";
  await tx.query(
    `INSERT INTO ${table} (id, user_id, ${valueColumn}, reserved, verification_status,
       verification_strategy, created_at, updated_at)
     SELECT id, user_id, value, false, CASE WHEN verified THEN 'verified' END,
       CASE WHEN verified THEN 'admin' END, $5, $5
     FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS t(id, user_id, value, verified)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.userId),
      rows.map((r) => r.value),
      rows.map((r) => r.verified),
      now,
    ],
  );
}

/** Inserts the new users in one statement; primaries are set after their identifications. */
async function insertUsers(tx: Queryable, users: ImportedUser[], now: number): Promise<void> {
  if (users.length === 0) return;
  const column = <T>(pick: (u: ImportedUser) => T) => users.map(pick);
  await tx.query(
    `INSERT INTO users (id, external_id, username, first_name, last_name, public_metadata,
       private_metadata, unsafe_metadata, password_digest, password_hasher, password_updated_at,
       totp_secret, mfa_enabled_at, banned, locked_at, legal_accepted_at, created_at, updated_at)
     SELECT id, external_id, username, first_name, last_name, public_metadata::jsonb,
       private_metadata::jsonb, unsafe_metadata::jsonb, password_digest, password_hasher,
       CASE WHEN password_digest IS NULL THEN NULL ELSE $14::bigint END, totp_secret,
       CASE WHEN totp_secret IS NULL THEN NULL ELSE $14::bigint END, banned,
       CASE WHEN locked THEN $14::bigint END, legal_accepted_at, coalesce(created_at, $14::bigint),
       $14::bigint
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[],
       $13::boolean[], $15::bigint[], $16::bigint[])
       AS t(id, external_id, username, first_name, last_name, public_metadata, private_metadata,
         unsafe_metadata, password_digest, password_hasher, totp_secret, banned, locked,
         legal_accepted_at, created_at)`,
    [
      column((u) => u.id),
      column((u) => u.externalId ?? null),
      column((u) => u.username),
      column((u) => u.firstName),
      column((u) => u.lastName),
      column((u) => JSON.stringify(u.publicMetadata ?? {})),
      column((u) => JSON.stringify(u.privateMetadata ?? {})),
      column((u) => JSON.stringify(u.unsafeMetadata ?? {})),
      column((u) => u.password?.digest ?? null),
      column((u) => u.password?.hasher ?? null),
      column((u) => u.totpSecret),
      column((u) => u.banned ?? false),
      column((u) => u.locked ?? false),
      now,
      column((u) => u.legalAcceptedAt ?? null),
      column((u) => u.createdAt ?? null),
    ],
  );
}

/** Writes an existing user's columns as imported (fields the import leaves out untouched). */
async function updateUserColumns(
  tx: Queryable,
  user: ImportedUser,
  stored: StoredUser,
  now: number,
): Promise<void> {
  const row = stored.row;
  const digest = user.password?.digest ?? null;
  const passwordChanged = (row.password_digest ?? null) !== digest;
  const totpChanged = (row.totp_secret ?? null) !== user.totpSecret;
  await tx.query(
    `UPDATE users SET first_name = $2, last_name = $3, username = $4, password_digest = $5,
       password_hasher = $6, password_updated_at = $7, totp_secret = $8, mfa_enabled_at = $9,
       external_id = $10, public_metadata = $11::jsonb, private_metadata = $12::jsonb,
       unsafe_metadata = $13::jsonb, banned = $14, locked_at = $15, legal_accepted_at = $16,
       created_at = $17, updated_at = $18
     WHERE id = $1`,
    [
      user.id,
      user.firstName,
      user.lastName,
      user.username,
      digest,
      user.password?.hasher ?? null,
      digest === null ? null : passwordChanged ? now : row.password_updated_at,
      user.totpSecret,
      user.totpSecret === null ? null : totpChanged ? now : row.mfa_enabled_at,
      user.externalId === undefined ? row.external_id : user.externalId,
      JSON.stringify(user.publicMetadata ?? row.public_metadata),
      JSON.stringify(user.privateMetadata ?? row.private_metadata),
      JSON.stringify(user.unsafeMetadata ?? row.unsafe_metadata),
      user.banned ?? row.banned,
      user.locked === undefined ? row.locked_at : user.locked ? (row.locked_at ?? now) : null,
      user.legalAcceptedAt === undefined ? row.legal_accepted_at : user.legalAcceptedAt,
      user.createdAt ?? row.created_at,
      now,
    ],
  );
}

/**
 * Makes an existing user's identifications the imported ones: those no longer listed deleted,
 * the others' verification set, new ones queued for the bulk insert.
 */
async function syncIdentifications(
  tx: Queryable,
  table: "email_addresses" | "phone_numbers",
  imported: readonly ImportedIdentification[],
  stored: StoredUser["emails"],
  userId: string,
  fold: boolean,
  newRows: IdentificationRow[],
  newId: () => string,
  now: number,
): Promise<void> {
  const norm = (value: string) => (fold ? value.toLowerCase() : value);
  const wanted = new Map(imported.map((i) => [norm(i.value), i]));
  const gone = stored.filter((s) => !wanted.has(norm(s.value))).map((s) => s.id);
  if (gone.length > 0) {
    await tx.query(`DELETE FROM ${table} WHERE id = ANY($1::text[])`, [gone]);
  }
  for (const s of stored) {
    const want = wanted.get(norm(s.value));
    if (want && want.verified !== s.verified) {
      await tx.query(
        `UPDATE ${table} SET verification_status = $2, verification_strategy = $3, updated_at = $4 WHERE id = $1`,
        [s.id, want.verified ? "verified" : null, want.verified ? "admin" : null, now],
      );
    }
  }
  const have = new Set(stored.map((s) => norm(s.value)));
  for (const i of imported) {
    if (!have.has(norm(i.value)))
      newRows.push({ id: newId(), userId, value: i.value, verified: i.verified });
  }
}

/**
 * The SQL behind {@link UserImportStore}: per batch, one transaction that locks the batch's
 * existing users, refuses conflicts, inserts new users and their identifications with one
 * statement per table (`unnest` of arrays), updates the changed ones, and sets primaries.
 */
export function sqlUserImportMethods(context: SqlStoreContext): UserImportStore {
  const { db, clock, ids, guard, emit } = context;
  return {
    importUsers: (users, options = {}) =>
      guard(() =>
        db.transaction(async (tx) => {
          const now = clock.now();
          const stored = await loadStoredUsers(
            tx,
            users.map((u) => u.id),
          );
          const owners = await loadOwners(tx, users);
          const outcomes: ImportedUserOutcome[] = [];
          const creates: ImportedUser[] = [];
          const updates: ImportedUser[] = [];
          const classify = (user: ImportedUser, conflict: ImportedUserOutcome | null) => {
            const existing = stored.get(user.id);
            if (conflict) return conflict;
            if (existing === undefined) return { id: user.id, outcome: "created" as const };
            if (existing.row.last_sign_in_at !== null) {
              return { id: user.id, outcome: "kept" as const };
            }
            if (isUnchanged(user, existing)) return { id: user.id, outcome: "unchanged" as const };
            return { id: user.id, outcome: "updated" as const };
          };
          // An address or number that moved in Clerk from one user to another (or that two
          // users swapped) is free when its owner, updated in this batch, no longer lists it: the
          // owners' rows are deleted before the batch's new ones are inserted.
          const releasing = releasingOwners(users, (user) => classify(user, null), owners);
          users.forEach((user) => {
            const outcome = classify(user, findConflict(user, owners, releasing));
            outcomes.push(outcome);
            if (outcome.outcome === "created") creates.push(user);
            if (outcome.outcome === "updated") updates.push(user);
          });
          await insertUsers(tx, creates, now);
          const emailRows: IdentificationRow[] = [];
          const phoneRows: IdentificationRow[] = [];
          for (const user of creates) {
            for (const e of user.emailAddresses) {
              emailRows.push({
                id: ids("idn"),
                userId: user.id,
                value: e.value,
                verified: e.verified,
              });
            }
            for (const p of user.phoneNumbers) {
              phoneRows.push({
                id: ids("idn"),
                userId: user.id,
                value: p.value,
                verified: p.verified,
              });
            }
          }
          for (const user of updates) {
            const existing = stored.get(user.id);
            if (!existing) continue;
            await updateUserColumns(tx, user, existing, now);
            await syncIdentifications(
              tx,
              "email_addresses",
              user.emailAddresses,
              existing.emails,
              user.id,
              true,
              emailRows,
              () => ids("idn"),
              now,
            );
            await syncIdentifications(
              tx,
              "phone_numbers",
              user.phoneNumbers,
              existing.phones,
              user.id,
              false,
              phoneRows,
              () => ids("idn"),
              now,
            );
          }
          await insertIdentifications(tx, "email_addresses", emailRows, now);
          await insertIdentifications(tx, "phone_numbers", phoneRows, now);
          const written = [...creates, ...updates];
          if (written.length > 0) {
            // Primaries: the first listed identification of each written user.
            await tx.query(
              `UPDATE users u SET
                 primary_email_address_id = (SELECT e.id FROM email_addresses e WHERE e.user_id = u.id AND lower(e.email_address) = lower(t.email)),
                 primary_phone_number_id = (SELECT p.id FROM phone_numbers p WHERE p.user_id = u.id AND p.phone_number = t.phone)
               FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, phone)
               WHERE u.id = t.id`,
              [
                written.map((u) => u.id),
                written.map((u) => u.emailAddresses[0]?.value ?? null),
                written.map((u) => u.phoneNumbers[0]?.value ?? null),
              ],
            );
          }
          if (options.emitEvents && written.length > 0) {
            const records = await loadUsers(
              tx,
              written.map((u) => u.id),
            );
            const created = new Set(creates.map((u) => u.id));
            for (const user of records) {
              await emit(tx, {
                type: created.has(user.id) ? "user.created" : "user.updated",
                user,
              });
            }
          }
          return outcomes;
        }),
      ),
  };
}
