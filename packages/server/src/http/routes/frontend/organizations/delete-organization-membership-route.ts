import { deleteOrganizationMembership } from "../../../../flows/organizations/delete-organization-membership.js";
import { frontendOrganizationMembershipJson } from "../../../../wire/frontend-organization-membership-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

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
  handler: async ({ params, auth, store, request, clock, imageBaseUrl }) => {
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:manage",
    );
    const removed = await deleteOrganizationMembership(
      store,
      membership.organizationId,
      params.user_id,
    );
    return frontendOrganizationMembershipJson(removed.membership, imageBaseUrl);
  },
});
