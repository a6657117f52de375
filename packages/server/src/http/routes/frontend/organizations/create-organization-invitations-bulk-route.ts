import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { inviteOrganizationMembers } from "./invite-organization-members.js";

/** Addresses one bulk request may invite (`<CreateOrganization/>` and `<OrganizationProfile/>` send a few). */
const MAX_BULK_INVITATIONS = 50;

/**
 * `POST /v1/organizations/{organization_id}/invitations/bulk` (Frontend API): invites every
 * `email_address` (the form repeats the key) with one role, all or none, as clerk-js's
 * `organization.inviteMembers()` does from `<CreateOrganization/>`'s invite step and
 * `<OrganizationProfile/>`. The signed-in user needs `org:sys_memberships:manage` and is recorded
 * as the inviter. Answers the invitations in the order asked.
 *
 * @throws `signed_out` (401); `missing_organization_permission`,
 *   `organization_membership_quota_exceeded` (403); `resource_not_found` (404, also an unknown
 *   `role`); `organization_invitation_not_unique` (an address twice, or already invited),
 *   `already_a_member_in_organization` (400); `form_param_missing`, `form_param_format_invalid` (422)
 */
export const createOrganizationInvitationsBulkRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/invitations/bulk",
  auth: "client",
  body: z.strictObject({
    // One address arrives as a single form value.
    email_address: z.preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z.array(z.string()).min(1).max(MAX_BULK_INVITATIONS),
    ),
    role: z.string(),
    notify: z.union([z.boolean(), z.string()]).nullable().optional(),
  }),
  handler: async (context) =>
    inviteOrganizationMembers(context, context.body.email_address, context.body.role),
});
