import { ApiError } from "../../errors/api-error.js";
import type { OrganizationMembershipRecord } from "../../store/organization-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { lockOrganization } from "./organization-guards.js";

/**
 * Removes a member (`organizationMembership.deleted`) and answers the membership as it was, with
 * the organization as it is after the removal. Removing the last admin is allowed.
 *
 * @throws ApiError `resource_not_found` (organization, membership)
 * @example
 * const { membership } = await deleteOrganizationMembership(store, orgId, userId);
 */
export function deleteOrganizationMembership(
  store: TransactionalStore,
  organizationId: string,
  userId: string,
): Promise<FlowResult<{ membership: OrganizationMembershipRecord }>> {
  return runFlow(store, async (tx) => {
    await lockOrganization(tx, organizationId);
    const before = await tx.getMembership(organizationId, userId);
    if (before === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
    await tx.deleteMembership(organizationId, userId);
    const organization = await tx.getOrganization(organizationId);
    if (organization === null) throw new Error("organization vanished inside its transaction");
    // The organization as it is after the removal (members_count one lower).
    const membership = { ...before, organization };
    await tx.emit({ type: "organizationMembership.deleted", membership });
    return { membership };
  });
}
