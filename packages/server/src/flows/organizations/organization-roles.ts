import { ApiError } from "../../errors/api-error.js";
import type { OrganizationRoleRecord } from "../../store/organization-role-store.js";
import type { Store } from "../../store/store.js";

/** The role given to an organization's creator. */
export const CREATOR_ROLE = "org:admin";

/** The role that counts as "elevated" (can manage memberships). */
export const ADMIN_ROLE = "org:admin";

/**
 * The instance's role with this key (`org:admin`, `org:member` or one made with
 * `POST /v1/organization_roles`), held until the transaction ends so that it cannot be deleted
 * while a member or invitation is given it.
 *
 * @throws ApiError `resource_not_found` (with `paramName`) when no such role exists.
 * @example
 * const role = await requireOrganizationRole(tx, "org:member");
 */
export async function requireOrganizationRole(
  store: Pick<Store, "getOrganizationRoleByKey">,
  key: string,
  paramName = "role",
): Promise<OrganizationRoleRecord> {
  const role = await store.getOrganizationRoleByKey(key, { lock: true });
  if (role === null) {
    throw new ApiError("resource_not_found", {
      paramName,
      message: "not found",
      longMessage: "Organization role not found. See GET /v1/organization_roles for the roles.",
    });
  }
  return role;
}
