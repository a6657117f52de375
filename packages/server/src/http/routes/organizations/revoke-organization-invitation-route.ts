import { z } from "zod";
import { revokeOrganizationInvitation } from "../../../flows/invitations/revoke-organization-invitation.js";
import { organizationInvitationJson } from "../../../wire/organization-invitation-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/organizations/{organization_id}/invitations/{invitation_id}/revoke`: revokes a pending
 * invitation; `requesting_user_id`, when given, must be an admin of the organization.
 *
 * @throws ApiError `resource_not_found`, `organization_invitation_not_pending`,
 *   `missing_organization_permission`
 */
export const revokeOrganizationInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/invitations/{invitation_id}/revoke",
  auth: "secret_key",
  body: z.strictObject({ requesting_user_id: z.string().nullable().optional() }),
  handler: async ({ params, body, store, baseUrl }) =>
    organizationInvitationJson(
      (
        await revokeOrganizationInvitation(store, params.organization_id, params.invitation_id, {
          requestingUserId: body.requesting_user_id || null,
        })
      ).invitation,
      baseUrl,
    ),
});
