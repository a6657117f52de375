import { checkEmailAddress } from "../../../../flows/identifiers/check-email-address.js";
import { createOrganizationInvitations } from "../../../../flows/invitations/create-organization-invitation.js";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/** What {@link inviteOrganizationMembers} reads of a route's context. */
type InviteContext = Pick<
  ClientRouteContext<"/v1/organizations/{organization_id}", unknown, unknown>,
  "params" | "auth" | "store" | "request" | "clock"
>;

/**
 * Invites email addresses, all or none, into the organization of the route's path on behalf of
 * the signed-in user, who needs `org:sys_memberships:manage` and is recorded as the inviter.
 * Answers the invitations as the Frontend API shows them, in the order asked.
 *
 * @throws `signed_out` (401); `missing_organization_permission`,
 *   `organization_membership_quota_exceeded` (403); `resource_not_found` (404, also an unknown
 *   `role`); `organization_invitation_not_unique`, `already_a_member_in_organization` (400);
 *   `form_param_format_invalid` (422, a malformed address)
 * @example
 * const [invitation] = await inviteOrganizationMembers(context, ["a@b.co"], "org:member");
 */
export async function inviteOrganizationMembers(
  context: InviteContext,
  addresses: readonly string[],
  role: string,
) {
  const { params, auth, store, request, clock } = context;
  const { user, membership } = await requireOrganizationAccess(
    { auth, store, request, now: clock.now() },
    params.organization_id,
    "org:sys_memberships:manage",
  );
  const { invitations } = await createOrganizationInvitations(
    store,
    membership.organizationId,
    addresses.map((address) => ({
      emailAddress: checkEmailAddress(address),
      role,
      inviterUserId: user.id,
    })),
  );
  return invitations.map(frontendOrganizationInvitationJson);
}
