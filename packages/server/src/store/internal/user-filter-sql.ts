import { USER_TEXT_QUERIES, type UserFilter, type UserPage, type UserTextQuery } from "../store.js";
import { likePattern, type SqlParams } from "./sql-params.js";

/**
 * What substring search (`query`) reads of a user row, over `users s`: id, username, external id
 * and name, separated by a character no search contains. Migration 0017 indexes exactly this
 * expression by trigrams, so it must not change without a migration.
 */
const USER_SEARCH_TEXT = `(s.id || chr(31) || coalesce(s.username, '') || chr(31) || coalesce(s.external_id, '')
  || chr(31) || coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, ''))`;

// Each match is an uncorrelated `u.id IN (…)`, so the planner can read a trigram index for it
// rather than test every user (an `EXISTS` inside `OR` is run once a user).
const emailLike = (p: string) =>
  `u.id IN (SELECT e.user_id FROM email_addresses e WHERE e.email_address ILIKE ${p})`;
const phoneLike = (p: string) =>
  `u.id IN (SELECT p.user_id FROM phone_numbers p WHERE p.phone_number ILIKE ${p})`;
const nameLike = (p: string) =>
  `(u.first_name ILIKE ${p} OR u.last_name ILIKE ${p} OR concat_ws(' ', u.first_name, u.last_name) ILIKE ${p})`;

/** The condition of each text match over `users u`, given the placeholder of its LIKE pattern. */
const TEXT_MATCH_SQL: Record<UserTextQuery, (pattern: string) => string> = {
  query: (p) =>
    `u.id IN (SELECT s.id FROM users s WHERE ${USER_SEARCH_TEXT} ILIKE ${p}
      UNION SELECT e.user_id FROM email_addresses e WHERE e.email_address ILIKE ${p}
      UNION SELECT p.user_id FROM phone_numbers p WHERE p.phone_number ILIKE ${p})`,
  emailAddressQuery: emailLike,
  phoneNumberQuery: phoneLike,
  usernameQuery: (p) => `u.username ILIKE ${p}`,
  nameQuery: nameLike,
};

/** Builds the WHERE clause (without the keyword) for a user filter over `users u`. */
export function userFilterSql(filter: UserFilter, params: SqlParams): string {
  const conditions: string[] = [];
  if (filter.matchesNothing) conditions.push("false");

  if (filter.emailAddresses?.length) {
    const values = params.add(filter.emailAddresses.map((e) => e.toLowerCase()));
    conditions.push(
      `EXISTS (SELECT 1 FROM email_addresses e WHERE e.user_id = u.id AND lower(e.email_address) = ANY(${values}::text[]))`,
    );
  }
  if (filter.phoneNumbers?.length) {
    const values = params.add(filter.phoneNumbers);
    conditions.push(
      `EXISTS (SELECT 1 FROM phone_numbers p WHERE p.user_id = u.id AND p.phone_number = ANY(${values}::text[]))`,
    );
  }
  if (filter.usernames?.length) {
    conditions.push(
      `lower(u.username) = ANY(${params.add(filter.usernames.map((n) => n.toLowerCase()))}::text[])`,
    );
  }
  for (const [column, list] of [
    ["u.id", filter.userIds],
    ["u.external_id", filter.externalIds],
  ] as const) {
    if (list?.include.length)
      conditions.push(`${column} = ANY(${params.add(list.include)}::text[])`);
    if (list?.exclude.length) {
      conditions.push(
        `(${column} IS NULL OR NOT (${column} = ANY(${params.add(list.exclude)}::text[])))`,
      );
    }
  }

  const orgs = filter.organizationIds;
  const membership = (values: string) =>
    `EXISTS (SELECT 1 FROM organization_memberships m WHERE m.user_id = u.id AND m.organization_id = ANY(${values}::text[]))`;
  if (orgs?.include.length) conditions.push(membership(params.add(orgs.include)));
  if (orgs?.exclude.length) conditions.push(`NOT ${membership(params.add(orgs.exclude))}`);

  for (const field of USER_TEXT_QUERIES) {
    const text = filter[field];
    if (text) conditions.push(TEXT_MATCH_SQL[field](params.add(likePattern(text))));
  }
  if (filter.banned !== undefined) conditions.push(`u.banned = ${params.add(filter.banned)}`);
  if (filter.locked !== undefined) {
    const now = params.add(filter.locked.now);
    const locked = `(u.locked_at IS NOT NULL AND (u.lockout_expires_at IS NULL OR u.lockout_expires_at > ${now}))`;
    conditions.push(filter.locked.locked ? locked : `NOT ${locked}`);
  }

  const ranges: Array<[string, number | undefined, "<" | ">"]> = [
    ["u.created_at", filter.createdAtBefore, "<"],
    ["u.created_at", filter.createdAtAfter, ">"],
    ["u.last_active_at", filter.lastActiveAtBefore, "<"],
    ["u.last_active_at", filter.lastActiveAtAfter, ">"],
    ["u.last_sign_in_at", filter.lastSignInAtBefore, "<"],
    ["u.last_sign_in_at", filter.lastSignInAtAfter, ">"],
  ];
  for (const [column, value, op] of ranges) {
    if (value !== undefined) conditions.push(`${column} ${op} ${params.add(value)}`);
  }
  return conditions.length === 0 ? "true" : conditions.join(" AND ");
}

/** Orders over columns that are never null: no `NULLS LAST`, so their index serves the order. */
const NOT_NULL_ORDERS: ReadonlySet<UserPage["orderBy"]["field"]> = new Set([
  "created_at",
  "updated_at",
  "web3wallet",
]);

const ORDER_EXPRESSIONS: Record<UserPage["orderBy"]["field"], string> = {
  created_at: "u.created_at",
  updated_at: "u.updated_at",
  email_address:
    "(SELECT lower(e.email_address) FROM email_addresses e WHERE e.id = u.primary_email_address_id)",
  web3wallet: "u.created_at",
  first_name: "lower(u.first_name)",
  last_name: "lower(u.last_name)",
  phone_number:
    "(SELECT p.phone_number FROM phone_numbers p WHERE p.id = u.primary_phone_number_id)",
  username: "lower(u.username)",
  last_active_at: "u.last_active_at",
  last_sign_in_at: "u.last_sign_in_at",
};

/** ORDER BY clause (without the keyword); ties are broken by id so pages are stable. */
export function userOrderSql(orderBy: UserPage["orderBy"]): string {
  const direction = orderBy.direction === "asc" ? "ASC" : "DESC";
  const nulls = NOT_NULL_ORDERS.has(orderBy.field) ? "" : " NULLS LAST";
  return `${ORDER_EXPRESSIONS[orderBy.field]} ${direction}${nulls}, u.id ${direction}`;
}
