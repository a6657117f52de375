/**
 * The organization roles of the instance, as data the store joins to memberships (name and
 * permissions). Which role may do what is decided by the flows (`flows/organizations`).
 */

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

/** The role with this key, or undefined. */
export function findOrganizationRole(key: string): OrganizationRole | undefined {
  return ORGANIZATION_ROLES.find((role) => role.key === key);
}
