import { z } from "zod";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { queryBoolean } from "../../query-params.js";
import { organizationNotFound } from "./organization-input.js";

/**
 * `GET /v1/organizations/{organization_id}`: one organization, by id or by slug.
 *
 * @throws ApiError `resource_not_found`
 */
export const getOrganizationRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}",
  auth: "secret_key",
  query: z.object({
    include_members_count: queryBoolean(),
    include_missing_member_with_elevated_permissions: queryBoolean(),
  }),
  handler: async ({ params, query, store }) => {
    const org = await store.getOrganization(params.organization_id);
    if (org === null) throw organizationNotFound();
    return organizationJson(org, {
      includeMembersCount: query.include_members_count === true,
      includeMissingMemberWithElevatedPermissions:
        query.include_missing_member_with_elevated_permissions === true,
    });
  },
});
