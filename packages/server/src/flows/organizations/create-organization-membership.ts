import type { OrganizationMembershipRecord } from "../../store/organization-store.js";
import type { Metadata } from "../../store/store.js";
import type { StoreTransaction, TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import {
  lockOrganization,
  requireMembershipRoom,
  requireNotMember,
  requireUserExists,
} from "./organization-guards.js";
import { requireOrganizationRole } from "./organization-roles.js";

/** A membership to create. */
export interface NewOrganizationMembership {
  userId: string;
  role: string;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
}

/**
 * Adds a user to an organization with a known role (`organizationMembership.created`), within
 * `max_allowed_memberships` (pending invitations count).
 *
 * @throws ApiError `resource_not_found` (organization, user, `role`),
 *   `already_a_member_in_organization`, `organization_membership_quota_exceeded`
 * @example
 * const { membership } = await createOrganizationMembership(store, orgId, { userId, role: "org:member" });
 */
export function createOrganizationMembership(
  store: TransactionalStore,
  organizationId: string,
  input: NewOrganizationMembership,
): Promise<FlowResult<{ membership: OrganizationMembershipRecord }>> {
  return runFlow(store, async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    const role = await requireOrganizationRole(tx, input.role);
    await requireUserExists(tx, input.userId);
    await requireNotMember(tx, organizationId, input.userId);
    await requireMembershipRoom(tx, organization, true);
    await tx.insertMembership({
      organizationId,
      userId: input.userId,
      role: role.key,
      publicMetadata: input.publicMetadata ?? {},
      privateMetadata: input.privateMetadata ?? {},
    });
    return { membership: await emitMembership(tx, "created", organizationId, input.userId) };
  });
}

/** Loads a membership changed in `tx` and raises its event. */
export async function emitMembership(
  tx: StoreTransaction,
  change: "created" | "updated",
  organizationId: string,
  userId: string,
): Promise<OrganizationMembershipRecord> {
  const membership = await tx.getMembership(organizationId, userId);
  if (membership === null) throw new Error("membership vanished inside its transaction");
  await tx.emit({ type: `organizationMembership.${change}`, membership });
  return membership;
}
