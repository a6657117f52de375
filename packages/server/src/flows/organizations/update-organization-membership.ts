import { ApiError } from "../../errors/api-error.js";
import type {
  OrganizationMembershipRecord,
  OrganizationMetadataUpdate,
} from "../../store/organization-store.js";
import type {
  LockedMembership,
  StoreTransaction,
  TransactionalStore,
} from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { emitMembership } from "./create-organization-membership.js";
import { lockOrganization, nextMetadata } from "./organization-guards.js";
import { requireOrganizationRole } from "./organization-roles.js";

/**
 * Gives a member another known role (`organizationMembership.updated`).
 *
 * @throws ApiError `resource_not_found` (organization, membership, `role`)
 * @example
 * await updateOrganizationMembership(store, orgId, userId, { role: "org:admin" });
 */
export function updateOrganizationMembership(
  store: TransactionalStore,
  organizationId: string,
  userId: string,
  patch: { role: string },
): Promise<FlowResult<{ membership: OrganizationMembershipRecord }>> {
  return runFlow(store, async (tx) => {
    await lockOrganization(tx, organizationId);
    await lockMembership(tx, organizationId, userId);
    const role = await requireOrganizationRole(tx, patch.role);
    await tx.updateMembership(organizationId, userId, { role: role.key });
    return { membership: await emitMembership(tx, "updated", organizationId, userId) };
  });
}

/**
 * Sets a member's metadata (`organizationMembership.updated`), merged or replaced as
 * {@link setOrganizationMetadata} does.
 *
 * @throws ApiError `resource_not_found` (membership), `form_param_max_length_exceeded`
 * @example
 * await setOrganizationMembershipMetadata(store, orgId, userId, { publicMetadata: { seat: 3 } }, "merge");
 */
export function setOrganizationMembershipMetadata(
  store: TransactionalStore,
  organizationId: string,
  userId: string,
  update: OrganizationMetadataUpdate,
  mode: "merge" | "replace",
): Promise<FlowResult<{ membership: OrganizationMembershipRecord }>> {
  return runFlow(store, async (tx) => {
    const current = await lockMembership(tx, organizationId, userId);
    await tx.updateMembership(organizationId, userId, nextMetadata(current, update, mode));
    return { membership: await emitMembership(tx, "updated", organizationId, userId) };
  });
}

async function lockMembership(
  tx: StoreTransaction,
  organizationId: string,
  userId: string,
): Promise<LockedMembership> {
  const membership = await tx.lockMembership(organizationId, userId);
  if (membership === null) {
    throw new ApiError("resource_not_found", {
      paramName: "user_id",
      longMessage: "Given organization membership not found.",
    });
  }
  return membership;
}
