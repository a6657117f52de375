import type {
  OrganizationRoleColumns,
  OrganizationRoleRecord,
} from "../../store/organization-role-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { lockRoleForChange } from "./lock-role-for-change.js";
import { requirePermissions } from "./require-permissions.js";

/**
 * Changes a role's name, description, permissions (replaced when given) or key (`PATCH
 * /v1/organization_roles/{id}`). A new key is carried to the memberships and invitations holding
 * the role; a system role's key cannot change. Members' session tokens carry the new permissions
 * from their next renewal.
 *
 * @throws ApiError `resource_not_found` (`organization_role_id`, `permissions`),
 *   `organization_system_role_protected`, `form_identifier_exists` (`key`)
 * @example
 * await updateOrganizationRole(store, roleId, { name: "Billing managers" });
 */
export function updateOrganizationRole(
  store: TransactionalStore,
  roleId: string,
  patch: Partial<OrganizationRoleColumns>,
): Promise<FlowResult<{ role: OrganizationRoleRecord }>> {
  return runFlow(store, async (tx) => {
    await lockRoleForChange(
      tx,
      roleId,
      (role) => patch.key !== undefined && patch.key !== role.key,
    );
    const permissionIds =
      patch.permissionIds === undefined
        ? undefined
        : await requirePermissions(tx, patch.permissionIds);
    return {
      role: await tx.updateOrganizationRole(roleId, {
        ...patch,
        ...(permissionIds === undefined ? {} : { permissionIds }),
      }),
    };
  });
}
