import { ApiError } from "../../errors/api-error.js";
import type { Store } from "../../store/store.js";

/**
 * Checks that every permission id names a permission of the instance; answers them without
 * repeats, in the order given.
 *
 * @throws ApiError `resource_not_found` (`permissions`) naming the first unknown id
 * @example
 * const ids = await requirePermissions(tx, ["perm_org_sys_memberships_read"]);
 */
export async function requirePermissions(
  store: Pick<Store, "getOrganizationPermissions">,
  permissionIds: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(permissionIds)];
  const found = new Set((await store.getOrganizationPermissions(wanted)).map((p) => p.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing !== undefined) {
    throw new ApiError("resource_not_found", {
      paramName: "permissions",
      longMessage: `No organization permission has the id ${missing}.`,
    });
  }
  return wanted;
}
