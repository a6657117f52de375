import type {
  OrganizationMetadataUpdate,
  OrganizationPatch,
  OrganizationRecord,
} from "../../store/organization-store.js";
import type { StoreTransaction, TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { lockOrganization, nextMetadata } from "./organization-guards.js";

/**
 * Changes an organization's fields (`organization.updated`).
 *
 * @throws ApiError `resource_not_found` (`organization_id`), `form_identifier_exists` (`slug`)
 * @example
 * const { organization } = await updateOrganization(store, orgId, { name: "Acme Inc" });
 */
export function updateOrganization(
  store: TransactionalStore,
  organizationId: string,
  patch: OrganizationPatch,
): Promise<FlowResult<{ organization: OrganizationRecord }>> {
  return runFlow(store, async (tx) => {
    await lockOrganization(tx, organizationId);
    await tx.updateOrganization(organizationId, patch);
    return { organization: await emitUpdated(tx, organizationId) };
  });
}

/**
 * Sets an organization's metadata (`organization.updated`). `merge`: deep merge, `null` deletes a
 * key. `replace`: each given field is overwritten.
 *
 * @throws ApiError `resource_not_found` (`organization_id`), `form_param_max_length_exceeded`
 * @example
 * await setOrganizationMetadata(store, orgId, { publicMetadata: { plan: "pro" } }, "merge");
 */
export function setOrganizationMetadata(
  store: TransactionalStore,
  organizationId: string,
  update: OrganizationMetadataUpdate,
  mode: "merge" | "replace",
): Promise<FlowResult<{ organization: OrganizationRecord }>> {
  return runFlow(store, async (tx) => {
    const current = await lockOrganization(tx, organizationId);
    await tx.updateOrganization(organizationId, nextMetadata(current, update, mode));
    return { organization: await emitUpdated(tx, organizationId) };
  });
}

async function emitUpdated(tx: StoreTransaction, organizationId: string) {
  const organization = await tx.getOrganization(organizationId);
  if (organization === null) throw new Error("organization vanished inside its transaction");
  await tx.emit({ type: "organization.updated", organization });
  return organization;
}
