/**
 * The organization roles and permissions of the instance (part of the {@link OrganizationStore}).
 * Which role may do what, and which roles may change, is decided by the flows
 * (`flows/organizations`).
 */

/** A permission a role can grant: `org:<feature>:<action>`. */
export interface OrganizationPermissionRecord {
  /** `perm_…`. */
  id: string;
  key: string;
  name: string;
  description: string;
  /** `system`: one of Clerk's `org:sys_…` permissions, built in. */
  type: "system" | "user";
  createdAt: number;
  updatedAt: number;
}

/** A role members can hold in an organization, with the permissions it grants. */
export interface OrganizationRoleRecord {
  /** `role_…`. */
  id: string;
  /** `org:admin`, `org:billing`… */
  key: string;
  name: string;
  description: string | null;
  /** `org:admin` and `org:member`: always present, their keys fixed. */
  system: boolean;
  /** In the order they were made. */
  permissions: OrganizationPermissionRecord[];
  createdAt: number;
  updatedAt: number;
}

/** A role or permission list's order and filter (`query`: exact id, or part of name or key). */
export interface RoleListQuery {
  limit: number;
  offset: number;
  query?: string;
  orderBy?: { field: "created_at" | "name" | "key"; direction: "asc" | "desc" };
}

/** The columns of a new role, or those to change (`undefined` leaves one as it is). */
export interface OrganizationRoleColumns {
  key: string;
  name: string;
  description: string | null;
  /** Replaces the role's permissions. */
  permissionIds: readonly string[];
}

/** The columns of a new permission. */
export interface OrganizationPermissionColumns {
  key: string;
  name: string;
  description: string;
  type?: "system" | "user";
}

export interface OrganizationRoleStore {
  /** @example (await store.listOrganizationRoles({ limit: 10, offset: 0 })).map((r) => r.key) */
  listOrganizationRoles(query: RoleListQuery): Promise<OrganizationRoleRecord[]>;
  countOrganizationRoles(query?: string): Promise<number>;
  getOrganizationRole(roleId: string): Promise<OrganizationRoleRecord | null>;
  /**
   * The role with this key; null when there is none. Inside a transaction, `lock` keeps it from
   * being deleted or renamed until the end (a membership or invitation is being given it).
   */
  getOrganizationRoleByKey(
    key: string,
    options?: { lock?: boolean },
  ): Promise<OrganizationRoleRecord | null>;
  /** Locks the role's row until the transaction ends; null when missing. */
  lockOrganizationRole(roleId: string): Promise<OrganizationRoleRecord | null>;
  /** @throws `form_identifier_exists` (`key`) when the key is taken */
  insertOrganizationRole(columns: OrganizationRoleColumns): Promise<OrganizationRoleRecord>;
  /**
   * Writes the role's columns; a new key is carried to the memberships and invitations holding
   * the old one.
   * @throws `form_identifier_exists` (`key`)
   */
  updateOrganizationRole(
    roleId: string,
    columns: Partial<OrganizationRoleColumns>,
  ): Promise<OrganizationRoleRecord>;
  deleteOrganizationRole(roleId: string): Promise<void>;
  /** Whether a membership, or a pending invitation, holds the role with this key. */
  organizationRoleInUse(key: string): Promise<boolean>;

  listOrganizationPermissions(query: RoleListQuery): Promise<OrganizationPermissionRecord[]>;
  countOrganizationPermissions(query?: string): Promise<number>;
  /** The permissions with these ids (missing ones left out), in the order they were made. */
  getOrganizationPermissions(ids: readonly string[]): Promise<OrganizationPermissionRecord[]>;
  /** @throws `form_identifier_exists` (`key`) when the key is taken */
  insertOrganizationPermission(
    columns: OrganizationPermissionColumns,
  ): Promise<OrganizationPermissionRecord>;
}
