import { ApiError } from "../../errors/api-error.js";
import type { OrganizationRoleRecord } from "../../store/organization-role-store.js";
import type { StoreTransaction } from "../../store/store-transaction.js";

/**
 * Locks a role for a change; a system role (`org:admin`, `org:member`) is refused when
 * `removesOrRekeys` says the change would delete it or change its key.
 *
 * @throws ApiError `resource_not_found` (`organization_role_id`),
 *   `organization_system_role_protected`
 * @example
 * const role = await lockRoleForChange(tx, roleId, () => true);
 */
export async function lockRoleForChange(
  tx: StoreTransaction,
  roleId: string,
  removesOrRekeys: (role: OrganizationRoleRecord) => boolean,
): Promise<OrganizationRoleRecord> {
  const role = await tx.lockOrganizationRole(roleId);
  if (role === null) {
    throw new ApiError("resource_not_found", { paramName: "organization_role_id" });
  }
  if (role.system && removesOrRekeys(role)) {
    throw new ApiError("organization_system_role_protected", {
      paramName: "organization_role_id",
      longMessage: `${role.key} is a system role: it cannot be deleted and its key cannot change.`,
    });
  }
  return role;
}
