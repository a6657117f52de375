import { deleteOrganizationMembership } from "../../../../flows/organizations/delete-organization-membership.js";
import { defineRoute } from "../../../define-route.js";
import { changeMemberAsAdmin } from "./change-member-as-admin.js";

/**
 * `DELETE /v1/organizations/{organization_id}/memberships/{user_id}` (Frontend API): removes a
 * member (`<OrganizationProfile/>`'s members list) and answers the membership as it was; the
 * signed-in user needs `org:sys_memberships:manage` (admins). Leaving is
 * `DELETE /v1/me/organization_memberships/{organization_id}`.
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found` (404)
 */
export const deleteOrganizationMembershipRoute = defineRoute({
  method: "DELETE",
  path: "/v1/organizations/{organization_id}/memberships/{user_id}",
  auth: "client",
  handler: changeMemberAsAdmin((store, organizationId, userId) =>
    deleteOrganizationMembership(store, organizationId, userId),
  ),
});
