import { z } from "zod";
import type { MembershipFilter } from "../../../store/organization-store.js";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";
import { queryInteger, queryList, queryText } from "../../query-params.js";
import { includeExclude, limitParam, offsetParam, orderByParam, paging } from "./list-params.js";

const MEMBERSHIP_ORDER_FIELDS = [
  "created_at",
  "email_address",
  "phone_number",
  "first_name",
  "last_name",
  "username",
] as const;

/**
 * `GET /v1/organizations/{organization_id}/memberships`: `{ data, total_count }` with the spec's
 * user filters (ids with `+`/`-`, identifiers, partial queries, dates) and `role`.
 *
 * @throws ApiError `resource_not_found`, `form_param_value_invalid` (order_by)
 */
export const listOrganizationMembershipsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/memberships",
  auth: "secret_key",
  query: z.object({
    order_by: queryText(),
    user_id: queryList(),
    email_address: queryList(),
    phone_number: queryList(),
    username: queryList(),
    web3_wallet: queryList(),
    role: queryList(),
    query: queryText(),
    email_address_query: queryText(),
    phone_number_query: queryText(),
    username_query: queryText(),
    name_query: queryText(),
    last_active_at_before: queryInteger(),
    last_active_at_after: queryInteger(),
    created_at_before: queryInteger(),
    created_at_after: queryInteger(),
    limit: limitParam(),
    offset: offsetParam(),
  }),
  handler: async ({ params, query, store, baseUrl }) => {
    const orderBy = orderByParam(query.order_by, MEMBERSHIP_ORDER_FIELDS, "-created_at");
    const userIds = includeExclude(query.user_id);
    const filter: MembershipFilter = {
      ...(userIds ? { userIds } : {}),
      ...(query.email_address?.length ? { emailAddresses: query.email_address } : {}),
      ...(query.phone_number?.length ? { phoneNumbers: query.phone_number } : {}),
      ...(query.username?.length ? { usernames: query.username } : {}),
      // No web3 wallets exist on this instance: a wallet filter matches nobody.
      ...(query.web3_wallet?.length ? { matchesNothing: true } : {}),
      ...(query.role?.length ? { roles: query.role } : {}),
      ...(query.query ? { query: query.query } : {}),
      ...(query.email_address_query ? { emailAddressQuery: query.email_address_query } : {}),
      ...(query.phone_number_query ? { phoneNumberQuery: query.phone_number_query } : {}),
      ...(query.username_query ? { usernameQuery: query.username_query } : {}),
      ...(query.name_query ? { nameQuery: query.name_query } : {}),
      ...(query.last_active_at_before === undefined
        ? {}
        : { lastActiveAtBefore: query.last_active_at_before }),
      ...(query.last_active_at_after === undefined
        ? {}
        : { lastActiveAtAfter: query.last_active_at_after }),
      ...(query.created_at_before === undefined
        ? {}
        : { createdAtBefore: query.created_at_before }),
      ...(query.created_at_after === undefined ? {} : { createdAtAfter: query.created_at_after }),
    };
    const result = await store.listOrganizationMemberships(params.organization_id, filter, {
      ...paging(query),
      orderBy,
    });
    return {
      data: result.data.map((membership) => organizationMembershipJson(membership, baseUrl)),
      total_count: result.totalCount,
    };
  },
});
