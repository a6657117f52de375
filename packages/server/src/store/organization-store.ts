import type { Metadata, UserFilter, UserRecord } from "./store.js";

/** An organization as the store returns it, with its counts computed at read time. */
export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  /** 0 means unlimited. */
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdBy: string | null;
  roleSetKey: string | null;
  membersCount: number;
  /** Pending invitations that have not expired. */
  pendingInvitationsCount: number;
  /** Whether at least one member holds the admin role. */
  hasAdmin: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A user's membership in an organization, with the organization and the member loaded. */
export interface OrganizationMembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  /** Role key, e.g. `org:admin`. */
  role: string;
  roleName: string;
  /** Permission keys the role grants, e.g. `org:sys_memberships:read`. */
  permissions: string[];
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAt: number;
  updatedAt: number;
  organization: OrganizationRecord;
  user: UserRecord;
}

/** Statuses of invitations, as answered (a pending invitation past its expiry is `expired`). */
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export interface OrganizationInvitationRecord {
  id: string;
  organizationId: string;
  emailAddress: string;
  role: string;
  roleName: string;
  status: InvitationStatus;
  inviterUserId: string | null;
  /** The user who accepted it, once accepted. */
  acceptedUserId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  redirectUrl: string | null;
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  organization: OrganizationRecord;
  /** The inviting user, when known and still there. */
  inviter: UserRecord | null;
}

export interface NewOrganization {
  name: string;
  /** Derived from the name when absent (with a suffix when the derived one is taken). */
  slug?: string | null;
  /** Becomes the first member, with the admin role. */
  createdBy?: string | null;
  maxAllowedMemberships?: number | null;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  roleSetKey?: string | null;
  /** Defaults to now. */
  createdAt?: number;
}

/** `undefined` leaves a field as it is. */
export interface OrganizationPatch {
  name?: string;
  slug?: string;
  maxAllowedMemberships?: number;
  adminDeleteEnabled?: boolean;
  roleSetKey?: string;
  createdAt?: number;
}

/** Metadata of an organization or membership; `mode` of the setter decides merge or replace. */
export interface OrganizationMetadataUpdate {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
}

/** An include/exclude list (`+id` / `-id` on the wire). */
export interface IncludeExclude {
  include: string[];
  exclude: string[];
}

export interface OrganizationFilter {
  /** Exact id, or partial (case-insensitive) name or slug. */
  query?: string;
  /** Organizations having (include) / not having (exclude) any of these users as members. */
  userIds?: IncludeExclude;
  organizationIds?: IncludeExclude;
}

/** Offset paging with an ordering field and direction. */
export interface Paging<Field extends string> {
  limit: number;
  offset: number;
  orderBy: { field: Field; direction: "asc" | "desc" };
}

export type OrganizationOrderField = "created_at" | "name" | "members_count";
export type MembershipOrderField =
  | "created_at"
  | "email_address"
  | "phone_number"
  | "first_name"
  | "last_name"
  | "username";
export type OrganizationInvitationOrderField = "created_at" | "email_address";

/** One page of results and the total number of matches. */
export interface ResultPage<T> {
  data: T[];
  totalCount: number;
}

/** Filters of an organization's membership list: the users' filters plus roles. */
export interface MembershipFilter extends UserFilter {
  roles?: string[];
}

export interface NewOrganizationMembership {
  userId: string;
  role: string;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
}

export interface NewOrganizationInvitation {
  emailAddress: string;
  role: string;
  /** Must be an admin of the organization when given. */
  inviterUserId?: string | null;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  redirectUrl?: string | null;
  /** Default 30. */
  expiresInDays?: number | null;
}

export interface OrganizationInvitationFilter {
  statuses?: InvitationStatus[];
  emailAddress?: string;
}

/**
 * Organizations, memberships and organization invitations. Part of {@link Store}.
 *
 * Errors (`ApiError`): unknown organization/membership/invitation → `resource_not_found`;
 * unknown role → `resource_not_found` (`role`); taken slug → `form_identifier_exists` (`slug`);
 * existing membership → `already_a_member_in_organization`; `max_allowed_memberships` reached
 * (members plus pending invitations) → `organization_membership_quota_exceeded`.
 */
export interface OrganizationStore {
  /** Creates the organization, and the creator's admin membership when `createdBy` is set. */
  createOrganization(input: NewOrganization): Promise<OrganizationRecord>;
  /** By id (`org_…`) or by slug; null when neither matches. */
  getOrganization(idOrSlug: string): Promise<OrganizationRecord | null>;
  listOrganizations(
    filter: OrganizationFilter,
    page: Paging<OrganizationOrderField>,
  ): Promise<ResultPage<OrganizationRecord>>;
  updateOrganization(organizationId: string, patch: OrganizationPatch): Promise<OrganizationRecord>;
  /** `merge`: deep merge, `null` deletes a key. `replace`: each given field is overwritten. */
  setOrganizationMetadata(
    organizationId: string,
    update: OrganizationMetadataUpdate,
    mode: "merge" | "replace",
  ): Promise<OrganizationRecord>;
  /** Deletes it with its memberships and invitations; null when there was none. */
  deleteOrganization(organizationId: string): Promise<OrganizationRecord | null>;

  createOrganizationMembership(
    organizationId: string,
    input: NewOrganizationMembership,
  ): Promise<OrganizationMembershipRecord>;
  /** The membership with its organization (slug), role and permissions; null when not a member. */
  getOrganizationMembership(
    organizationId: string,
    userId: string,
  ): Promise<OrganizationMembershipRecord | null>;
  listOrganizationMemberships(
    organizationId: string,
    filter: MembershipFilter,
    page: Paging<MembershipOrderField>,
  ): Promise<ResultPage<OrganizationMembershipRecord>>;
  /** Newest first. */
  listUserOrganizationMemberships(
    userId: string,
    page: { limit: number; offset: number },
  ): Promise<ResultPage<OrganizationMembershipRecord>>;
  updateOrganizationMembership(
    organizationId: string,
    userId: string,
    patch: { role: string },
  ): Promise<OrganizationMembershipRecord>;
  setOrganizationMembershipMetadata(
    organizationId: string,
    userId: string,
    update: OrganizationMetadataUpdate,
    mode: "merge" | "replace",
  ): Promise<OrganizationMembershipRecord>;
  /** Removes the membership and answers it as it was. */
  deleteOrganizationMembership(
    organizationId: string,
    userId: string,
  ): Promise<OrganizationMembershipRecord>;

  /** @throws also `organization_invitation_not_unique` (a pending one exists for the address) */
  createOrganizationInvitation(
    organizationId: string,
    input: NewOrganizationInvitation,
  ): Promise<OrganizationInvitationRecord>;
  getOrganizationInvitation(
    organizationId: string,
    invitationId: string,
  ): Promise<OrganizationInvitationRecord | null>;
  listOrganizationInvitations(
    organizationId: string,
    filter: OrganizationInvitationFilter,
    page: Paging<OrganizationInvitationOrderField>,
  ): Promise<ResultPage<OrganizationInvitationRecord>>;
  /** Invitations addressed to any of the user's email addresses, newest first. */
  listUserOrganizationInvitations(
    userId: string,
    filter: { statuses?: InvitationStatus[] },
    page: { limit: number; offset: number },
  ): Promise<ResultPage<OrganizationInvitationRecord>>;
  /** @throws also `organization_invitation_not_pending` */
  revokeOrganizationInvitation(
    organizationId: string,
    invitationId: string,
    options?: { requestingUserId?: string | null },
  ): Promise<OrganizationInvitationRecord>;
  /**
   * Accepts a pending invitation for a user who owns its (verified) email address: creates the
   * membership with the invitation's role and metadata and marks the invitation accepted.
   *
   * @throws also `organization_invitation_not_pending`,
   *   `organization_invitation_identification_not_exist` (the user lacks that email address)
   */
  acceptOrganizationInvitation(
    invitationId: string,
    userId: string,
  ): Promise<{
    membership: OrganizationMembershipRecord;
    invitation: OrganizationInvitationRecord;
  }>;
}
