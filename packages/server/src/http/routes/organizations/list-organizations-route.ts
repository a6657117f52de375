import { z } from "zod";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { queryBoolean, queryList, queryText } from "../../query-params.js";
import { includeExclude, limitParam, offsetParam, orderByParam, paging } from "./list-params.js";

/**
 * `GET /v1/organizations`: `{ data, total_count }`, newest first unless `order_by` says otherwise
 * (`name`, `created_at`, `members_count`).
 *
 * @throws ApiError `form_param_value_invalid` / `form_param_format_invalid` for bad parameters
 */
export const listOrganizationsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations",
  auth: "secret_key",
  query: z.object({
    include_members_count: queryBoolean(),
    include_missing_member_with_elevated_permissions: queryBoolean(),
    query: queryText(),
    user_id: queryList(),
    organization_id: queryList(),
    order_by: queryText(),
    limit: limitParam(),
    offset: offsetParam(),
  }),
  handler: async ({ query, store }) => {
    const orderBy = orderByParam(
      query.order_by,
      ["created_at", "name", "members_count"] as const,
      "-created_at",
    );
    const userIds = includeExclude(query.user_id);
    const organizationIds = includeExclude(query.organization_id);
    const result = await store.listOrganizations(
      {
        ...(query.query ? { query: query.query } : {}),
        ...(userIds ? { userIds } : {}),
        ...(organizationIds ? { organizationIds } : {}),
      },
      { ...paging(query), orderBy },
    );
    const options = {
      includeMembersCount: query.include_members_count === true,
      includeMissingMemberWithElevatedPermissions:
        query.include_missing_member_with_elevated_permissions === true,
    };
    return {
      data: result.data.map((org) => organizationJson(org, options)),
      total_count: result.totalCount,
    };
  },
});
