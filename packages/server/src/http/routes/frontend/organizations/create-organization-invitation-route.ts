import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { inviteOrganizationMembers } from "./invite-organization-members.js";

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
  handler: async (context) => {
    const { body } = context;
    const [invitation] = await inviteOrganizationMembers(context, [body.email_address], body.role);
    return invitation;
  },
});
