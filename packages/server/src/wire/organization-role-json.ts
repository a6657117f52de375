import type {
  OrganizationPermissionRecord,
  OrganizationRoleRecord,
} from "../store/organization-role-store.js";

/**
 * A permission on the wire (Clerk's `Permission` object).
 *
 * @example
 * organizationPermissionJson(permission).key; // "org:sys_memberships:read"
 */
export function organizationPermissionJson(permission: OrganizationPermissionRecord) {
  return {
    object: "permission" as const,
    id: permission.id,
    key: permission.key,
    name: permission.name,
    description: permission.description,
    type: permission.type,
    created_at: permission.createdAt,
    updated_at: permission.updatedAt,
  };
}

/**
 * A role on the wire (Clerk's `Role` object), its permissions in full; `creatorEligible` when it
 * is the role organization creators get.
 *
 * @example
 * organizationRoleJson(role, role.key === CREATOR_ROLE);
 */
export function organizationRoleJson(role: OrganizationRoleRecord, creatorEligible: boolean) {
  return {
    object: "role" as const,
    id: role.id,
    key: role.key,
    name: role.name,
    description: role.description,
    is_creator_eligible: creatorEligible,
    permissions: role.permissions.map(organizationPermissionJson),
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}
