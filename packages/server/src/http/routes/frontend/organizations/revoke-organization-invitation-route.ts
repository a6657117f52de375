import { revokeOrganizationInvitation } from "../../../../flows/invitations/revoke-organization-invitation.js";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `POST /v1/organizations/{organization_id}/invitations/{invitation_id}/revoke` (Frontend API):
 * revokes a pending invitation (`<OrganizationProfile/>`'s invitations list); the signed-in user
 * needs `org:sys_memberships:manage` (admins).
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found`
 *   (404); `organization_invitation_not_pending`
 */
export const revokeOrganizationInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/invitations/{invitation_id}/revoke",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user, membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:manage",
    );
    const { invitation } = await revokeOrganizationInvitation(
      store,
      membership.organizationId,
      params.invitation_id,
      { requestingUserId: user.id },
    );
    return frontendOrganizationInvitationJson(invitation);
  },
});
