import { ApiError } from "../../errors/api-error.js";
import type {
  OrganizationPermissionColumns,
  OrganizationPermissionRecord,
} from "../../store/organization-role-store.js";
import type { Store } from "../../store/store.js";

/**
 * Makes a custom permission roles can grant (`POST /v1/organization_permissions`). The
 * `org:sys_` features are Clerk's system permissions: built in, never made.
 *
 * @throws ApiError `form_param_value_invalid` (`key`) under `org:sys_`, `form_identifier_exists`
 *   (`key`)
 * @example
 * await createOrganizationPermission(store, { key: "org:invoices:read", name: "Read invoices", description: "" });
 */
export async function createOrganizationPermission(
  store: Pick<Store, "insertOrganizationPermission">,
  input: Omit<OrganizationPermissionColumns, "type">,
): Promise<OrganizationPermissionRecord> {
  if (input.key.startsWith("org:sys_")) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "key",
      longMessage: "Permission keys under org:sys_ are reserved for system permissions.",
    });
  }
  return store.insertOrganizationPermission({ ...input, type: "user" });
}
