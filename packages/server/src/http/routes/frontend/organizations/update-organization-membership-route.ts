import { z } from "zod";
import { updateOrganizationMembership } from "../../../../flows/organizations/update-organization-membership.js";
import { defineRoute } from "../../../define-route.js";
import { changeMemberAsAdmin } from "./change-member-as-admin.js";

/**
 * `PATCH /v1/organizations/{organization_id}/memberships/{user_id}` (Frontend API): changes a
 * member's role (`<OrganizationProfile/>`'s members list); the signed-in user needs
 * `org:sys_memberships:manage` (admins).
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found`
 *   (404: organization, member or role)
 */
export const updateOrganizationMembershipRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}/memberships/{user_id}",
  auth: "client",
  body: z.object({ role: z.string().min(1) }),
  handler: changeMemberAsAdmin((store, organizationId, userId, body: { role: string }) =>
    updateOrganizationMembership(store, organizationId, userId, { role: body.role }),
  ),
});
