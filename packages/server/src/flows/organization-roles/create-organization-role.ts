import type {
  OrganizationRoleColumns,
  OrganizationRoleRecord,
} from "../../store/organization-role-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { requirePermissions } from "./require-permissions.js";

/**
 * Makes an organization role members and invitations can then be given (`POST
 * /v1/organization_roles`): a new key, the permissions named by id.
 *
 * @throws ApiError `form_identifier_exists` (`key`), `resource_not_found` (`permissions`)
 * @example
 * const { role } = await createOrganizationRole(store, { key: "org:billing", name: "Billing",
 *   description: null, permissionIds: [] });
 */
export function createOrganizationRole(
  store: TransactionalStore,
  input: OrganizationRoleColumns,
): Promise<FlowResult<{ role: OrganizationRoleRecord }>> {
  return runFlow(store, async (tx) => {
    const permissionIds = await requirePermissions(tx, input.permissionIds);
    return { role: await tx.insertOrganizationRole({ ...input, permissionIds }) };
  });
}
