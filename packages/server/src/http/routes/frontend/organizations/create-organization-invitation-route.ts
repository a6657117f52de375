import { z } from "zod";
import { checkEmailAddress } from "../../../../flows/identifiers/check-email-address.js";
import { createOrganizationInvitation } from "../../../../flows/invitations/create-organization-invitation.js";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `POST /v1/organizations/{organization_id}/invitations` (Frontend API): invites an email address
 * with a role; the signed-in user needs `org:sys_memberships:manage` (admins) and is recorded as
 * the inviter. The invitee sees it in `GET /v1/me/organization_invitations` once signed in.
 *
 * @throws `signed_out` (401); `missing_organization_permission`,
 *   `organization_membership_quota_exceeded` (403); `resource_not_found` (404, also an unknown
 *   `role`); `organization_invitation_not_unique`, `already_a_member_in_organization` (400);
 *   `form_param_missing`, `form_param_format_invalid` (422)
 */
export const createOrganizationInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/invitations",
  auth: "client",
  body: z.strictObject({
    email_address: z.string(),
    role: z.string(),
    notify: z.union([z.boolean(), z.string()]).nullable().optional(),
  }),
  handler: async ({ params, body, auth, store, request, clock }) => {
    const { user, membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:manage",
    );
    const invitation = (
      await createOrganizationInvitation(store, membership.organizationId, {
        emailAddress: checkEmailAddress(body.email_address),
        role: body.role,
        inviterUserId: user.id,
      })
    ).invitation;
    return frontendOrganizationInvitationJson(invitation);
  },
});
