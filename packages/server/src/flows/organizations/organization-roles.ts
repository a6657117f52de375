import { ApiError } from "../../errors/api-error.js";
import {
  findOrganizationRole,
  ORGANIZATION_ROLES,
  type OrganizationRole,
} from "../../store/organization-roles.js";

/** The role given to an organization's creator. */
export const CREATOR_ROLE = "org:admin";

/** The role that counts as "elevated" (can manage memberships). */
export const ADMIN_ROLE = "org:admin";

/**
 * The role with this key.
 *
 * @throws ApiError `resource_not_found` (with `paramName`) when no such role exists.
 * @example
 * requireOrganizationRole("org:member").permissions; // ["org:sys_memberships:read"]
 */
export function requireOrganizationRole(key: string, paramName = "role"): OrganizationRole {
  const role = findOrganizationRole(key);
  if (role === undefined) {
    throw new ApiError("resource_not_found", {
      paramName,
      message: "not found",
      longMessage: `Organization role not found. Use one of: ${ORGANIZATION_ROLES.map((r) => r.key).join(", ")}.`,
    });
  }
  return role;
}
