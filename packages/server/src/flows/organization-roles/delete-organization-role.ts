import { ApiError } from "../../errors/api-error.js";
import type { OrganizationRoleRecord } from "../../store/organization-role-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { lockRoleForChange } from "./lock-role-for-change.js";

/**
 * Deletes a custom role no member holds and no pending invitation offers (`DELETE
 * /v1/organization_roles/{id}`). Memberships and invitations take the role under a shared lock,
 * so one cannot be given it while it is being deleted.
 *
 * @throws ApiError `resource_not_found` (`organization_role_id`),
 *   `organization_system_role_protected`, `organization_role_in_use`
 * @example
 * await deleteOrganizationRole(store, roleId);
 */
export function deleteOrganizationRole(
  store: TransactionalStore,
  roleId: string,
): Promise<FlowResult<{ role: OrganizationRoleRecord }>> {
  return runFlow(store, async (tx) => {
    const role = await lockRoleForChange(tx, roleId, () => true);
    if (await tx.organizationRoleInUse(role.key)) {
      throw new ApiError("organization_role_in_use", {
        paramName: "organization_role_id",
        longMessage: `${role.key} is held by a member or offered by a pending invitation: give them another role first.`,
      });
    }
    await tx.deleteOrganizationRole(roleId);
    return { role };
  });
}
