import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../database.js";
import type { UserRecord } from "../store.js";
import {
  emailAddressFromRow,
  phoneNumberFromRow,
  USER_COLUMNS,
  userFromRow,
} from "./row-mappers.js";
import { jsonRows } from "./row-values.js";
import { externalAccountFromRow } from "./sql-external-account-methods.js";

/** A user's rows of a table, oldest first, as one JSON array column of the user query. */
function ownedRows(table: string, column: string): string {
  return `(SELECT coalesce(json_agg(t ORDER BY t.seq), '[]'::json) FROM ${table} t
    WHERE t.user_id = u.id) AS ${column}`;
}

/**
 * The select list of a full user over `users u`: its columns and its owned rows (identifications,
 * provider accounts) aggregated, so that a query joining other tables still loads the user in the
 * same round trip. Read a row back with {@link loadedUserFromRow}.
 */
export const LOADED_USER_COLUMNS = `${USER_COLUMNS},
  ${ownedRows("email_addresses", "owned_emails")},
  ${ownedRows("phone_numbers", "owned_phones")},
  ${ownedRows("external_accounts", "owned_accounts")}`;

/** The user record of a row selected with {@link LOADED_USER_COLUMNS}. */
export function loadedUserFromRow(row: Row): UserRecord {
  return userFromRow(
    row,
    jsonRows(row.owned_emails).map(emailAddressFromRow),
    jsonRows(row.owned_phones).map(phoneNumberFromRow),
    jsonRows(row.owned_accounts).map(externalAccountFromRow),
  );
}

/**
 * Loads full user records (with identifications and provider accounts) for the given ids, in the
 * order given: one round trip, the owned rows aggregated per user.
 */
export async function loadUsers(q: Queryable, ids: readonly string[]): Promise<UserRecord[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const users = await q.query(
    `SELECT ${LOADED_USER_COLUMNS} FROM users u WHERE u.id = ANY($1::text[])`,
    [list],
  );
  const byId = new Map(users.map((row) => [String(row.id), loadedUserFromRow(row)]));
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
