import { ApiError } from "../../errors/api-error.js";
import type { Queryable } from "../database.js";
import type { ExternalAccountRecord } from "../external-account-store.js";
import type { EmailAddressRecord, PhoneNumberRecord, UserRecord } from "../store.js";
import {
  emailAddressFromRow,
  phoneNumberFromRow,
  USER_COLUMNS,
  userFromRow,
} from "./row-mappers.js";
import { externalAccountFromRow } from "./sql-external-account-methods.js";

/** Loads full user records (with identifications) for the given ids, in the order given. */
export async function loadUsers(q: Queryable, ids: readonly string[]): Promise<UserRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [users, emails, phones, accounts] = [
    await q.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::text[])`, [list]),
    await q.query("SELECT * FROM email_addresses WHERE user_id = ANY($1::text[]) ORDER BY seq", [
      list,
    ]),
    await q.query("SELECT * FROM phone_numbers WHERE user_id = ANY($1::text[]) ORDER BY seq", [
      list,
    ]),
    await q.query("SELECT * FROM external_accounts WHERE user_id = ANY($1::text[]) ORDER BY seq", [
      list,
    ]),
  ];
  const emailsByUser = new Map<string, EmailAddressRecord[]>();
  for (const row of emails) {
    const record = emailAddressFromRow(row);
    emailsByUser.set(record.userId, [...(emailsByUser.get(record.userId) ?? []), record]);
  }
  const phonesByUser = new Map<string, PhoneNumberRecord[]>();
  for (const row of phones) {
    const record = phoneNumberFromRow(row);
    phonesByUser.set(record.userId, [...(phonesByUser.get(record.userId) ?? []), record]);
  }
  const accountsByUser = new Map<string, ExternalAccountRecord[]>();
  for (const row of accounts) {
    const record = externalAccountFromRow(row);
    accountsByUser.set(record.userId, [...(accountsByUser.get(record.userId) ?? []), record]);
  }
  const byId = new Map(
    users.map((row) => {
      const id = String(row.id);
      const emails = emailsByUser.get(id) ?? [];
      return [
        id,
        userFromRow(row, emails, phonesByUser.get(id) ?? [], accountsByUser.get(id) ?? []),
      ];
    }),
  );
  return list.flatMap((id) => {
    const user = byId.get(id);
    return user === undefined ? [] : [user];
  });
}

/** Loads one user; null when missing. */
export async function loadUser(q: Queryable, id: string): Promise<UserRecord | null> {
  return (await loadUsers(q, [id]))[0] ?? null;
}

/**
 * A user who must exist (one just changed under its lock), read inside `q`.
 *
 * @throws ApiError `resource_not_found` (`user_id`) when there is none
 */
export async function loadExistingUser(q: Queryable, id: string): Promise<UserRecord> {
  const user = await loadUser(q, id);
  if (user === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
  return user;
}
