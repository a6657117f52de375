import type { Queryable, Row } from "../database.js";
import type {
  ImportedIdentification,
  ImportedUser,
  ImportedUserOutcome,
} from "../user-import-store.js";
import { canonicalJson } from "./upsert-imported-rows.js";

// What an import batch finds already stored: its users (locked) with their identifications,
// whether each already is as imported, and who owns the addresses, numbers and names it brings.

/** A stored user as the import compares it: the columns an export can set. */
export interface StoredUser {
  row: Row;
  emails: { id: string; value: string; verified: boolean }[];
  phones: { id: string; value: string; verified: boolean }[];
}

/** The identifications as a comparable string: the primary one, then the rest as a set. */
function identificationKey(list: readonly ImportedIdentification[], fold: boolean): string {
  const norm = (value: string) => (fold ? value.toLowerCase() : value);
  const [primary, ...rest] = list;
  const others = rest.map((i) => `${norm(i.value)}:${i.verified}`).sort();
  return JSON.stringify([primary ? `${norm(primary.value)}:${primary.verified}` : null, others]);
}

/** True when the stored user already is what the import says (fields it leaves out not compared). */
export function isUnchanged(user: ImportedUser, stored: StoredUser): boolean {
  const row = stored.row;
  const primaryEmail = stored.emails.find((e) => e.id === row.primary_email_address_id);
  const primaryPhone = stored.phones.find((p) => p.id === row.primary_phone_number_id);
  const ordered = <T extends { id: string }>(primary: T | undefined, all: T[]) =>
    primary ? [primary, ...all.filter((i) => i.id !== primary.id)] : all;
  const same =
    row.first_name === user.firstName &&
    row.last_name === user.lastName &&
    row.username === user.username &&
    (row.password_digest ?? null) === (user.password?.digest ?? null) &&
    (row.password_hasher ?? null) === (user.password?.hasher ?? null) &&
    (row.totp_secret ?? null) === user.totpSecret &&
    identificationKey(ordered(primaryEmail, stored.emails), true) ===
      identificationKey(user.emailAddresses, true) &&
    identificationKey(ordered(primaryPhone, stored.phones), false) ===
      identificationKey(user.phoneNumbers, false);
  if (!same) return false;
  if (user.externalId !== undefined && row.external_id !== user.externalId) return false;
  if (user.banned !== undefined && row.banned !== user.banned) return false;
  if (user.locked !== undefined && (row.locked_at !== null) !== user.locked) return false;
  if (user.legalAcceptedAt !== undefined && row.legal_accepted_at !== user.legalAcceptedAt) {
    return false;
  }
  if (user.createdAt !== undefined && row.created_at !== user.createdAt) return false;
  for (const [field, column] of [
    ["publicMetadata", "public_metadata"],
    ["privateMetadata", "private_metadata"],
    ["unsafeMetadata", "unsafe_metadata"],
  ] as const) {
    const value = user[field];
    if (value !== undefined && canonicalJson(value) !== canonicalJson(row[column])) return false;
  }
  return true;
}

/** Loads the batch's existing users (locked) with their identifications. */
export async function loadStoredUsers(
  tx: Queryable,
  ids: string[],
): Promise<Map<string, StoredUser>> {
  const rows = await tx.query("SELECT * FROM users WHERE id = ANY($1::text[]) FOR UPDATE", [ids]);
  const stored = new Map<string, StoredUser>(
    rows.map((row) => [String(row.id), { row, emails: [], phones: [] }]),
  );
  if (stored.size === 0) return stored;
  const found = [...stored.keys()];
  const emails = await tx.query(
    "SELECT id, user_id, email_address AS value, verification_status FROM email_addresses WHERE user_id = ANY($1::text[]) ORDER BY seq",
    [found],
  );
  const phones = await tx.query(
    "SELECT id, user_id, phone_number AS value, verification_status FROM phone_numbers WHERE user_id = ANY($1::text[]) ORDER BY seq",
    [found],
  );
  for (const [list, key] of [
    [emails, "emails"],
    [phones, "phones"],
  ] as const) {
    for (const r of list) {
      stored.get(String(r.user_id))?.[key].push({
        id: String(r.id),
        value: String(r.value),
        verified: r.verification_status === "verified",
      });
    }
  }
  return stored;
}

/** Who owns the batch's email addresses, phone numbers, usernames and external ids already. */
export async function loadOwners(tx: Queryable, users: readonly ImportedUser[]) {
  const emails = users.flatMap((u) => u.emailAddresses.map((e) => e.value.toLowerCase()));
  const phones = users.flatMap((u) => u.phoneNumbers.map((p) => p.value));
  const usernames = users.flatMap((u) => (u.username ? [u.username.toLowerCase()] : []));
  const externalIds = users.flatMap((u) => (u.externalId ? [u.externalId] : []));
  /** Owner (user id) of each value of `values` found by `sql` (`key`, `owner`; `$1` the values). */
  const owners = async (sql: string, values: string[]) =>
    new Map((await tx.query(sql, [values])).map((r) => [String(r.key), String(r.owner)]));
  return {
    email: await owners(
      "SELECT lower(email_address) AS key, user_id AS owner FROM email_addresses WHERE lower(email_address) = ANY($1::text[])",
      emails,
    ),
    phone: await owners(
      "SELECT phone_number AS key, user_id AS owner FROM phone_numbers WHERE phone_number = ANY($1::text[])",
      phones,
    ),
    username: await owners(
      "SELECT lower(username) AS key, id AS owner FROM users WHERE lower(username) = ANY($1::text[])",
      usernames,
    ),
    externalId: await owners(
      "SELECT external_id AS key, id AS owner FROM users WHERE external_id = ANY($1::text[])",
      externalIds,
    ),
  };
}

/** Who owns what a batch brings (see {@link loadOwners}). */
export type BatchOwners = Awaited<ReturnType<typeof loadOwners>>;

/** Whether `owner` gives up the email address or phone number `key` in the batch being written. */
export type Released = (kind: "email" | "phone", owner: string, key: string) => boolean;

/**
 * Which email addresses and phone numbers the batch's owners give up: those no longer listed by
 * a user of the batch that is written as an update (`outcome` is what the user would become
 * without conflicts). Found as the largest set of such users that all stay free of conflicts
 * once the others have given theirs up, so two users who swapped addresses both move; a user
 * refused for anything else gives nothing up.
 */
export function releasingOwners(
  users: readonly ImportedUser[],
  outcome: (user: ImportedUser) => ImportedUserOutcome,
  owners: BatchOwners,
): Released {
  const byId = new Map(users.map((u) => [u.id, u]));
  const writers = new Set(users.filter((u) => outcome(u).outcome === "updated").map((u) => u.id));
  const released: Released = (kind, owner, key) => {
    const user = writers.has(owner) ? byId.get(owner) : undefined;
    if (user === undefined) return false;
    return kind === "email"
      ? !user.emailAddresses.some((e) => e.value.toLowerCase() === key)
      : !user.phoneNumbers.some((p) => p.value === key);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of writers) {
      const user = byId.get(id);
      if (user !== undefined && findConflict(user, owners, released) !== null) {
        writers.delete(id);
        changed = true;
      }
    }
  }
  return released;
}

/**
 * The first thing of the user's that another user owns, as a refusal; null when none. An email
 * address or phone number its owner gives up in the same batch (`released`) is not taken: the
 * owner's identification rows are deleted before the batch's new ones are inserted.
 */
export function findConflict(
  user: ImportedUser,
  owners: BatchOwners,
  released: Released = () => false,
): ImportedUserOutcome | null {
  const taken = (owner: string | undefined) => owner !== undefined && owner !== user.id;
  const held = (kind: "email" | "phone", key: string) => {
    const owner = owners[kind].get(key);
    return taken(owner) && !released(kind, owner as string, key);
  };
  const emailIndex = user.emailAddresses.findIndex((e) => held("email", e.value.toLowerCase()));
  if (emailIndex !== -1) {
    return {
      id: user.id,
      outcome: "refused",
      code: "email_address_taken",
      field: "email_address",
      index: emailIndex,
    };
  }
  const phoneIndex = user.phoneNumbers.findIndex((p) => held("phone", p.value));
  if (phoneIndex !== -1) {
    return {
      id: user.id,
      outcome: "refused",
      code: "phone_number_taken",
      field: "phone_number",
      index: phoneIndex,
    };
  }
  if (user.username && taken(owners.username.get(user.username.toLowerCase()))) {
    return { id: user.id, outcome: "refused", code: "username_taken", field: "username" };
  }
  if (user.externalId && taken(owners.externalId.get(user.externalId))) {
    return { id: user.id, outcome: "refused", code: "external_id_taken", field: "external_id" };
  }
  return null;
}
