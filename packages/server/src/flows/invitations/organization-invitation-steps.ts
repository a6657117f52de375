/** Steps the organization invitation flows share: lock, pending check, and the event of a change. */
import { ApiError } from "../../errors/api-error.js";
import type { OrganizationInvitationRecord } from "../../store/organization-store.js";
import type { StoreTransaction } from "../../store/store-transaction.js";

/** Loads an organization invitation changed in `tx` and raises its event. */
export async function emitInvitation(
  tx: StoreTransaction,
  change: "created" | "accepted" | "revoked",
  organizationId: string,
  invitationId: string,
): Promise<OrganizationInvitationRecord> {
  const invitation = await tx.getOrganizationInvitation(organizationId, invitationId);
  if (invitation === null) throw new ApiError("resource_not_found", { paramName: "invitation_id" });
  await tx.emit({ type: `organizationInvitation.${change}`, invitation });
  return invitation;
}

/**
 * Locks an invitation of the organization for the rest of the transaction.
 *
 * @throws ApiError `resource_not_found` (`invitation_id`)
 */
export async function lockInvitationOf(
  tx: StoreTransaction,
  organizationId: string,
  invitationId: string,
): Promise<OrganizationInvitationRecord> {
  const invitation = await tx.lockOrganizationInvitation(invitationId);
  if (invitation === null || invitation.organizationId !== organizationId) {
    throw new ApiError("resource_not_found", { paramName: "invitation_id" });
  }
  return invitation;
}

/** @throws ApiError `organization_invitation_not_pending` (accepted, revoked or expired) */
export function requirePending(invitation: OrganizationInvitationRecord): void {
  if (invitation.status !== "pending") {
    throw new ApiError("organization_invitation_not_pending", {
      longMessage: `The organization invitation is ${invitation.status}, not pending.`,
    });
  }
}
