import type { OrganizationInvitationRecord } from "../../store/organization-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import {
  lockOrganization,
  requireOrganizationAdmin,
} from "../organizations/organization-guards.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import {
  emitInvitation,
  lockInvitationOf,
  requirePending,
} from "./organization-invitation-steps.js";

/**
 * Revokes a pending organization invitation (`organizationInvitation.revoked`); a requesting user,
 * when named, must be an admin of the organization.
 *
 * @throws ApiError `resource_not_found`, `missing_organization_permission`,
 *   `organization_invitation_not_pending`
 * @example
 * await revokeOrganizationInvitation(store, orgId, invitationId, { requestingUserId: adminId });
 */
export function revokeOrganizationInvitation(
  store: TransactionalStore,
  organizationId: string,
  invitationId: string,
  options: { requestingUserId?: string | null } = {},
): Promise<FlowResult<{ invitation: OrganizationInvitationRecord }>> {
  return runFlow(store, async (tx) => {
    await lockOrganization(tx, organizationId);
    const invitation = await lockInvitationOf(tx, organizationId, invitationId);
    if (options.requestingUserId != null) {
      await requireOrganizationAdmin(
        tx,
        organizationId,
        options.requestingUserId,
        "requesting_user_id",
      );
    }
    requirePending(invitation);
    await tx.setOrganizationInvitationStatus(invitationId, "revoked");
    return { invitation: await emitInvitation(tx, "revoked", organizationId, invitationId) };
  });
}
