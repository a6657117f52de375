import type { Store, UserRecord } from "../../store/store.js";

/**
 * Finds the account an identifier names: an email address (case-insensitive) or a username.
 *
 * Security note: the sign-in route answers `form_identifier_not_found` when this finds nothing,
 * which tells the caller whether an account exists for the identifier. Clerk behaves the same
 * way (its components rely on it); the per-IP and per-identifier sign-in rate limits bound
 * enumeration.
 *
 * @returns the user, or null when no account matches
 * @example
 * const user = await findSignInUser(store, "ada@example.com");
 */
export async function findSignInUser(
  store: Pick<Store, "listUsers">,
  identifier: string,
): Promise<UserRecord | null> {
  const value = identifier.trim();
  if (value === "") return null;
  const page = { limit: 1, offset: 0, orderBy: { field: "created_at", direction: "asc" } } as const;
  const filter = value.includes("@") ? { emailAddresses: [value] } : { usernames: [value] };
  const users = await store.listUsers(filter, page);
  return users[0] ?? null;
}
