import { ApiError } from "../../errors/api-error.js";

/** A role members can hold in an organization, with Clerk's system permissions. */
export interface OrganizationRole {
  /** Role key as answered on the wire, e.g. `org:admin`. */
  key: string;
  /** Display name (`role_name`). */
  name: string;
  /** Permission keys, `org:<feature>:<permission>`. */
  permissions: readonly string[];
}

/** The roles every instance has: Clerk's default admin and member roles. */
export const ORGANIZATION_ROLES: readonly OrganizationRole[] = [
  {
    key: "org:admin",
    name: "Admin",
    permissions: [
      "org:sys_profile:manage",
      "org:sys_profile:delete",
      "org:sys_memberships:read",
      "org:sys_memberships:manage",
      "org:sys_domains:read",
      "org:sys_domains:manage",
    ],
  },
  {
    key: "org:member",
    name: "Member",
    permissions: ["org:sys_memberships:read"],
  },
];

/** The role given to an organization's creator. */
export const CREATOR_ROLE = "org:admin";

/** The role that counts as "elevated" (can manage memberships). */
export const ADMIN_ROLE = "org:admin";

/** The role with this key, or undefined. */
export function findOrganizationRole(key: string): OrganizationRole | undefined {
  return ORGANIZATION_ROLES.find((role) => role.key === key);
}

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
