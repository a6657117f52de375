import { z } from "zod";
import { createOrganizationInvitation } from "../../../flows/invitations/create-organization-invitation.js";
import { organizationInvitationJson } from "../../../wire/organization-invitation-json.js";
import { defineRoute } from "../../define-route.js";
import { emailAddressSchema, metadataSchema } from "./list-params.js";

/**
 * `POST /v1/organizations/{organization_id}/invitations`: invites an email address with a role.
 * No email is sent by this instance (`notify` is accepted and ignored).
 *
 * @throws ApiError `resource_not_found` (organization, role, inviter),
 *   `missing_organization_permission` (inviter is not an admin),
 *   `organization_invitation_not_unique`, `already_a_member_in_organization`,
 *   `organization_membership_quota_exceeded`
 */
export const createOrganizationInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/invitations",
  auth: "secret_key",
  body: z.strictObject({
    email_address: emailAddressSchema(),
    role: z.string().min(1),
    inviter_user_id: z.string().nullable().optional(),
    public_metadata: metadataSchema().nullable().optional(),
    private_metadata: metadataSchema().nullable().optional(),
    redirect_url: z.string().nullable().optional(),
    expires_in_days: z.number().int().min(1).max(365).nullable().optional(),
    notify: z.boolean().nullable().optional(),
  }),
  handler: async ({ params, body, store, baseUrl }) => {
    const invitation = (
      await createOrganizationInvitation(store, params.organization_id, {
        emailAddress: body.email_address,
        role: body.role,
        inviterUserId: body.inviter_user_id || null,
        publicMetadata: body.public_metadata ?? null,
        privateMetadata: body.private_metadata ?? null,
        redirectUrl: body.redirect_url ?? null,
        expiresInDays: body.expires_in_days ?? null,
      })
    ).invitation;
    return organizationInvitationJson(invitation, baseUrl);
  },
});
