import type { OrganizationRecord } from "../../store/organization-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Deletes an organization with its memberships and invitations (`organization.deleted`), and
 * answers it as it was; `organization` is null when there was none.
 *
 * @example
 * const { organization } = await deleteOrganization(store, orgId);
 */
export function deleteOrganization(
  store: TransactionalStore,
  organizationId: string,
): Promise<FlowResult<{ organization: OrganizationRecord | null }>> {
  return runFlow(store, async (tx) => {
    const organization = await tx.getOrganization(organizationId);
    if (organization === null || !(await tx.deleteOrganization(organizationId))) {
      return { organization: null };
    }
    await tx.emit({ type: "organization.deleted", organization });
    return { organization };
  });
}
