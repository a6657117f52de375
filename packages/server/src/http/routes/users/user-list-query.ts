import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import {
  USER_ORDER_FIELDS,
  type UserFilter,
  type UserOrderField,
  type UserPage,
} from "../../../store/store.js";
import { queryBoolean, queryInteger, queryList, queryText } from "../../query-params.js";

/** Query parameters shared by `GET /v1/users` and `GET /v1/users/count`. */
export const userFilterQueryShape = {
  email_address: queryList(),
  phone_number: queryList(),
  external_id: queryList(),
  username: queryList(),
  web3_wallet: queryList(),
  user_id: queryList(),
  organization_id: queryList(),
  query: queryText(),
  email_address_query: queryText(),
  phone_number_query: queryText(),
  username_query: queryText(),
  name_query: queryText(),
  banned: queryBoolean(),
  last_active_at_before: queryInteger(),
  last_active_at_after: queryInteger(),
  last_active_at_since: queryInteger(),
  created_at_before: queryInteger(),
  created_at_after: queryInteger(),
  last_sign_in_at_before: queryInteger(),
  last_sign_in_at_after: queryInteger(),
  provider: queryText(),
  provider_user_id: queryList(),
};

/** `GET /v1/users/count`'s query. */
export const userCountQuery = z.object(userFilterQueryShape);

/** `GET /v1/users`'s query: the filters plus paging and ordering. */
export const userListQuery = z.object({
  ...userFilterQueryShape,
  limit: queryInteger({ min: 1, max: 500 }),
  offset: queryInteger({ min: 0 }),
  starting_after: queryText(),
  order_by: queryText(),
  paginated: queryBoolean(),
});

type FilterQuery = z.infer<typeof userCountQuery>;

/** `+id` / `-id` / `id` → include and exclude lists. */
function signedIds(values: string[] | undefined): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const value of values ?? []) {
    if (value.startsWith("-")) exclude.push(value.slice(1));
    else include.push(value.startsWith("+") ? value.slice(1) : value);
  }
  return { include, exclude };
}

/**
 * Turns the list/count query into a store filter. Filters on things this instance does not have
 * yet (web3 wallets, OAuth provider accounts) match nobody.
 *
 * @example
 * userFilterFromQuery({ email_address: ["ada@example.com"] });
 */
export function userFilterFromQuery(query: FilterQuery): UserFilter {
  const filter: UserFilter = {
    userIds: signedIds(query.user_id),
    externalIds: signedIds(query.external_id),
    organizationIds: signedIds(query.organization_id),
  };
  if (query.email_address?.length) filter.emailAddresses = query.email_address;
  if (query.phone_number?.length) filter.phoneNumbers = query.phone_number;
  if (query.username?.length) filter.usernames = query.username;
  if (query.query !== undefined) filter.query = query.query;
  if (query.email_address_query !== undefined) filter.emailAddressQuery = query.email_address_query;
  if (query.phone_number_query !== undefined) filter.phoneNumberQuery = query.phone_number_query;
  if (query.username_query !== undefined) filter.usernameQuery = query.username_query;
  if (query.name_query !== undefined) filter.nameQuery = query.name_query;
  if (query.banned !== undefined) filter.banned = query.banned;
  const ranges: Array<[keyof UserFilter, number | undefined]> = [
    ["createdAtBefore", query.created_at_before],
    ["createdAtAfter", query.created_at_after],
    ["lastActiveAtBefore", query.last_active_at_before],
    ["lastActiveAtAfter", query.last_active_at_after ?? query.last_active_at_since],
    ["lastSignInAtBefore", query.last_sign_in_at_before],
    ["lastSignInAtAfter", query.last_sign_in_at_after],
  ];
  for (const [key, value] of ranges) {
    if (value !== undefined) (filter as Record<string, unknown>)[key] = value;
  }
  if (query.web3_wallet?.length || query.provider_user_id?.length) filter.matchesNothing = true;
  return filter;
}

/**
 * Reads paging and ordering (`limit` default 10, `offset` default 0, `order_by` default
 * `-created_at`, `+`/`-` prefix, no prefix meaning ascending).
 *
 * @throws ApiError `form_param_value_invalid` for an unknown `order_by` field, or for
 *   `starting_after` combined with a non-`created_at` order or a non-zero offset
 * @example
 * userPageFromQuery({ order_by: "-username", limit: 20 });
 */
export function userPageFromQuery(query: z.infer<typeof userListQuery>): UserPage {
  const orderBy = query.order_by ?? "-created_at";
  const direction = orderBy.startsWith("-") ? "desc" : "asc";
  const field = orderBy.replace(/^[+-]/, "");
  if (!(USER_ORDER_FIELDS as readonly string[]).includes(field)) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "order_by",
      longMessage: `order_by must be one of ${USER_ORDER_FIELDS.join(", ")}, optionally prefixed with + or -.`,
    });
  }
  const page: UserPage = {
    limit: query.limit ?? 10,
    offset: query.offset ?? 0,
    orderBy: { field: field as UserOrderField, direction },
  };
  if (query.starting_after !== undefined) {
    if (field !== "created_at") {
      throw new ApiError("form_param_value_invalid", {
        paramName: "starting_after",
        longMessage: "starting_after requires ordering by created_at.",
      });
    }
    if (page.offset !== 0) {
      throw new ApiError("form_param_value_invalid", {
        paramName: "offset",
        longMessage: "starting_after cannot be combined with a non-zero offset.",
      });
    }
    page.startingAfter = query.starting_after;
  }
  return page;
}
