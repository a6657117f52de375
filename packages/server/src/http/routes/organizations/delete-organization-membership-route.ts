import { deleteOrganizationMembership } from "../../../flows/organizations/delete-organization-membership.js";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `DELETE /v1/organizations/{organization_id}/memberships/{user_id}`: removes the member and
 * answers the membership as it was. Removing the last admin is allowed.
 *
 * @throws ApiError `resource_not_found`
 */
export const deleteOrganizationMembershipRoute = defineRoute({
  method: "DELETE",
  path: "/v1/organizations/{organization_id}/memberships/{user_id}",
  auth: "secret_key",
  handler: async ({ params, store, baseUrl }) =>
    organizationMembershipJson(
      (await deleteOrganizationMembership(store, params.organization_id, params.user_id))
        .membership,
      baseUrl,
    ),
});
