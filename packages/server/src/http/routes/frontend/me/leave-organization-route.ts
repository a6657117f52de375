import { deleteOrganizationMembership } from "../../../../flows/organizations/delete-organization-membership.js";
import { deletedObjectJson } from "../../../../wire/deleted-object-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireOrganizationMember } from "../organizations/require-organization-member.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `DELETE /v1/me/organization_memberships/{organization_id}`: the signed-in user leaves the
 * organization (`<OrganizationProfile/>`'s "Leave organization"); answers
 * `{ object: "organization_membership", id, deleted: true }`. Any member may leave.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) when the user is not a member
 */
export const leaveOrganizationRoute = defineRoute({
  method: "DELETE",
  path: "/v1/me/organization_memberships/{organization_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const membership = await requireOrganizationMember(store, params.organization_id, user.id);
    await deleteOrganizationMembership(store, membership.organizationId, user.id);
    return deletedObjectJson("organization_membership", membership.id);
  },
});
