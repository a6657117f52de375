import { ApiError, isApiError } from "../../../../errors/api-error.js";
import { acceptOrganizationInvitation } from "../../../../flows/invitations/accept-organization-invitation.js";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `POST /v1/me/organization_invitations/{invitation_id}/accept`: the signed-in user joins the
 * organization with the invitation's role. Only an invitation addressed to one of the user's
 * verified email addresses can be accepted; any other answers as not found.
 *
 * @throws `signed_out` (401); `resource_not_found` (404); `organization_invitation_not_pending`,
 *   `already_a_member_in_organization` (400); `organization_membership_quota_exceeded` (403)
 */
export const acceptMyOrganizationInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/me/organization_invitations/{invitation_id}/accept",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    try {
      const { invitation } = await acceptOrganizationInvitation(
        store,
        params.invitation_id,
        user.id,
      );
      return frontendOrganizationInvitationJson(invitation);
    } catch (error) {
      if (isApiError(error, "organization_invitation_identification_not_exist")) {
        throw new ApiError("resource_not_found", { paramName: "invitation_id" });
      }
      throw error;
    }
  },
});
