import { ApiError } from "../../errors/api-error.js";
import type {
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
} from "../../store/organization-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { emitMembership } from "../organizations/create-organization-membership.js";
import {
  lockOrganization,
  requireMembershipRoom,
  requireNotMember,
  requireUserExists,
} from "../organizations/organization-guards.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import {
  emitInvitation,
  lockInvitationOf,
  requirePending,
} from "./organization-invitation-steps.js";

/**
 * Accepts a pending invitation for a user who owns its (verified) email address: creates the
 * membership with the invitation's role and metadata (`organizationMembership.created`) and marks
 * the invitation accepted (`organizationInvitation.accepted`).
 *
 * @throws ApiError `resource_not_found`, `organization_invitation_not_pending`,
 *   `organization_invitation_identification_not_exist` (the user lacks that email address),
 *   `already_a_member_in_organization`, `organization_membership_quota_exceeded`
 * @example
 * const { membership } = await acceptOrganizationInvitation(store, invitationId, userId);
 */
export function acceptOrganizationInvitation(
  store: TransactionalStore,
  invitationId: string,
  userId: string,
): Promise<
  FlowResult<{ membership: OrganizationMembershipRecord; invitation: OrganizationInvitationRecord }>
> {
  return runFlow(store, async (tx) => {
    const organizationId = await tx.organizationOfInvitation(invitationId);
    if (organizationId === null) {
      throw new ApiError("resource_not_found", { paramName: "invitation_id" });
    }
    const organization = await lockOrganization(tx, organizationId);
    const invitation = await lockInvitationOf(tx, organizationId, invitationId);
    requirePending(invitation);
    await requireUserExists(tx, userId);
    if (!(await tx.userHasVerifiedEmailAddress(userId, invitation.emailAddress))) {
      throw new ApiError("organization_invitation_identification_not_exist", {
        paramName: "user_id",
      });
    }
    await requireNotMember(tx, organizationId, userId);
    // The invitation itself already holds a seat: count members only.
    await requireMembershipRoom(tx, organization, false);
    await tx.insertMembership({
      organizationId,
      userId,
      role: invitation.role,
      publicMetadata: invitation.publicMetadata,
      privateMetadata: invitation.privateMetadata,
    });
    await tx.setOrganizationInvitationStatus(invitationId, "accepted", userId);
    const membership = await emitMembership(tx, "created", organizationId, userId);
    return {
      membership,
      invitation: await emitInvitation(tx, "accepted", organizationId, invitationId),
    };
  });
}
