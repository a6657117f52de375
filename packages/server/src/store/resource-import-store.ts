import type { OrganizationRecord } from "./organization-store.js";
import type { Metadata } from "./store.js";

/** An organization from another instance's export, its `org_…` id kept. */
export type ImportedOrganization = Pick<
  OrganizationRecord,
  | "id"
  | "name"
  | "slug"
  | "maxAllowedMemberships"
  | "adminDeleteEnabled"
  | "publicMetadata"
  | "privateMetadata"
  | "createdBy"
> & {
  /** Epoch ms. */
  createdAt: number;
};

/** A membership from another instance's export, its `orgmem_…` id kept. */
export interface ImportedMembership {
  id: string;
  organizationId: string;
  userId: string;
  /** A role key of this instance (`org:admin`, `org:member`, or an imported one). */
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAt: number;
}

/** A permission of an imported role, matched by key. */
export interface ImportedPermission {
  key: string;
  name: string;
  description: string;
  type: "system" | "user";
}

/** An organization role from another instance, matched by key (its id is not kept). */
export interface ImportedOrganizationRole {
  /** The role's id over there, to report it by. */
  id: string;
  key: string;
  name: string;
  description: string | null;
  permissions: ImportedPermission[];
}

/** A JWT template from another instance's export, its `jtmp_…` id kept (no custom signing key). */
export interface ImportedJwtTemplate {
  id: string;
  name: string;
  claims: Metadata;
  lifetime: number;
  allowedClockSkew: number;
  signingAlgorithm: string;
  createdAt: number;
}

/** An application invitation from another instance's export, its `inv_…` id kept. */
export interface ImportedInvitation {
  id: string;
  emailAddress: string;
  status: "pending" | "accepted" | "revoked" | "expired";
  publicMetadata: Metadata;
  expiresAt: number | null;
  createdAt: number;
}

/** An organization invitation from another instance's export, its `orginv_…` id kept. */
export interface ImportedOrganizationInvitation extends ImportedInvitation {
  organizationId: string;
  /** A role key of this instance. */
  role: string;
  privateMetadata: Metadata;
}

/** Why the store refused an imported record. */
export type ResourceImportConflictCode =
  | "slug_taken"
  | "organization_missing"
  | "user_missing"
  | "membership_taken"
  | "name_taken"
  | "invitation_taken"
  | "role_unknown";

/** What became of one imported record (by id: created, updated, already so, or refused). */
export type ImportedRecordOutcome =
  | { id: string; outcome: "created" | "updated" | "unchanged" }
  | { id: string; outcome: "refused"; code: ResourceImportConflictCode };

/**
 * Bulk writes of organizations, memberships and JWT templates moved from another instance, ids
 * kept; each call one transaction, idempotent by id. No events are raised.
 */
export interface ResourceImportStore {
  /**
   * Creates the roles whose key is new here, and makes the others' name, description and
   * permissions the imported ones; permissions are matched by key, and those missing created.
   * @example
   * await store.importOrganizationRoles([{ id: "role_2abc", key: "org:billing", … }]);
   */
  importOrganizationRoles(
    roles: readonly ImportedOrganizationRole[],
  ): Promise<ImportedRecordOutcome[]>;
  /**
   * Creates or updates organizations by id; one whose slug another organization has is refused
   * (`slug_taken`).
   * @example
   * await store.importOrganizations([{ id: "org_2abc", name: "Acme", slug: "acme", … }]);
   */
  importOrganizations(
    organizations: readonly ImportedOrganization[],
  ): Promise<ImportedRecordOutcome[]>;
  /**
   * Creates or updates memberships by id; refused when the organization, user or role is not
   * here (`organization_missing`, `user_missing`, `role_unknown`) or the user already has another
   * membership in it (`membership_taken`).
   * @example
   * await store.importMemberships([{ id: "orgmem_2abc", organizationId, userId, role: "org:admin", … }]);
   */
  importMemberships(memberships: readonly ImportedMembership[]): Promise<ImportedRecordOutcome[]>;
  /**
   * Creates or updates JWT templates by id; one whose name another template has is refused
   * (`name_taken`).
   * @example
   * await store.importJwtTemplates([{ id: "jtmp_2abc", name: "supabase", claims: {}, … }]);
   */
  importJwtTemplates(templates: readonly ImportedJwtTemplate[]): Promise<ImportedRecordOutcome[]>;
  /**
   * Creates or updates application invitations by id (kept without sending anything: Clerk sent
   * them).
   * @example
   * await store.importInvitations([{ id: "inv_2abc", emailAddress, status: "pending", … }]);
   */
  importInvitations(invitations: readonly ImportedInvitation[]): Promise<ImportedRecordOutcome[]>;
  /**
   * Creates or updates organization invitations by id; refused when the organization or role is
   * not here (`organization_missing`, `role_unknown`) or another pending invitation has the
   * address in it (`invitation_taken`).
   * @example
   * await store.importOrganizationInvitations([{ id: "orginv_2abc", organizationId, … }]);
   */
  importOrganizationInvitations(
    invitations: readonly ImportedOrganizationInvitation[],
  ): Promise<ImportedRecordOutcome[]>;
}
