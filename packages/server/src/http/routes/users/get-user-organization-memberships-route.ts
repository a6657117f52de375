import { z } from "zod";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";
import { limitParam, offsetParam, paging } from "../organizations/list-params.js";

/**
 * `GET /v1/users/{user_id}/organization_memberships`: the user's memberships,
 * `{ data, total_count }`, newest first.
 *
 * @throws ApiError `resource_not_found` (unknown user)
 */
export const getUserOrganizationMembershipsRoute = defineRoute({
  method: "GET",
  path: "/v1/users/{user_id}/organization_memberships",
  auth: "secret_key",
  query: z.object({ limit: limitParam(), offset: offsetParam() }),
  handler: async ({ params, query, store, baseUrl }) => {
    const result = await store.listUserOrganizationMemberships(params.user_id, paging(query));
    return {
      data: result.data.map((membership) => organizationMembershipJson(membership, baseUrl)),
      total_count: result.totalCount,
    };
  },
});
