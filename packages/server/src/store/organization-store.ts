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

export interface OrganizationInvitationFilter {
  statuses?: InvitationStatus[];
  emailAddress?: string;
}

/**
 * Reading organizations, memberships and organization invitations. Part of {@link Store}; they
 * change through `Store.transaction`, in the flows (`flows/organizations`, `flows/invitations`).
 *
 * Errors (`ApiError`): listing under an unknown organization or user → `resource_not_found`.
 */
export interface OrganizationStore {
  /** By id (`org_…`) or by slug; null when neither matches. */
  getOrganization(idOrSlug: string): Promise<OrganizationRecord | null>;
  listOrganizations(
    filter: OrganizationFilter,
    page: Paging<OrganizationOrderField>,
  ): Promise<ResultPage<OrganizationRecord>>;
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
}
