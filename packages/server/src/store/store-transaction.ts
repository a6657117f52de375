import type { InvitationRecord } from "./invitation-store.js";
import type {
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationPatch,
} from "./organization-store.js";
import type { Metadata, Store } from "./store.js";
import type { StoreEvent } from "./store-events.js";

/** An organization row held under a lock, with what the rules read from it. */
export interface LockedOrganization {
  id: string;
  /** 0 = unlimited. */
  maxAllowedMemberships: number;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
}

/** A membership row held under a lock. */
export interface LockedMembership {
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
}

/** The columns of a new organization. */
export interface OrganizationRow {
  name: string;
  slug: string;
  createdBy: string | null;
  maxAllowedMemberships: number;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  roleSetKey: string | null;
  createdAt: number;
}

/** Columns of an organization to overwrite; `undefined` leaves one as it is. */
export interface OrganizationColumns extends OrganizationPatch {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
}

/** The columns of a new membership. */
export interface MembershipRow {
  organizationId: string;
  userId: string;
  role: string;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
}

/** The columns of a new (pending) organization invitation. */
export interface OrganizationInvitationRow {
  organizationId: string;
  emailAddress: string;
  role: string;
  inviterUserId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  redirectUrl: string | null;
  expiresAt: number;
}

/** The columns of a new (pending) application invitation. */
export interface InvitationRow {
  emailAddress: string;
  publicMetadata: Metadata;
  redirectUrl: string | null;
  notify: boolean;
  expiresAt: number;
}

/**
 * Organizations and memberships inside one transaction: rows in, rows out. Which changes are
 * allowed is decided by the flows (`flows/organizations`), which call these.
 */
export interface OrganizationTransaction {
  /**
   * Locks the organization's row until the transaction ends. Every change to its memberships and
   * invitations takes this lock first, so counts read afterwards cannot race. Null when missing.
   */
  lockOrganization(organizationId: string): Promise<LockedOrganization | null>;
  /** @returns the new organization's id; `form_identifier_exists` (`slug`) when taken */
  insertOrganization(row: OrganizationRow): Promise<string>;
  updateOrganization(organizationId: string, columns: OrganizationColumns): Promise<void>;
  /** Deletes it with its memberships and invitations; false when there was none. */
  deleteOrganization(organizationId: string): Promise<boolean>;
  /** Whether the user exists; `lock` keeps the user from being deleted until the end. */
  userExists(userId: string, options?: { lock?: boolean }): Promise<boolean>;
  /** The user's role in the organization; null when not a member. */
  membershipRole(organizationId: string, userId: string): Promise<string | null>;
  lockMembership(organizationId: string, userId: string): Promise<LockedMembership | null>;
  getMembership(
    organizationId: string,
    userId: string,
  ): Promise<OrganizationMembershipRecord | null>;
  /** `already_a_member_in_organization` when the user is one (also under a race). */
  insertMembership(row: MembershipRow): Promise<void>;
  updateMembership(
    organizationId: string,
    userId: string,
    columns: Partial<Pick<MembershipRow, "role" | "publicMetadata" | "privateMetadata">>,
  ): Promise<void>;
  deleteMembership(organizationId: string, userId: string): Promise<void>;
  countMemberships(organizationId: string): Promise<number>;
}

/** Organization and application invitations inside one transaction. */
export interface InvitationTransaction {
  /** Whether a member of the organization has this email address (any case). */
  memberHasEmailAddress(organizationId: string, emailAddress: string): Promise<boolean>;
  /** Marks `expired` the pending invitations of the address that are past their expiry. */
  expireOrganizationInvitations(organizationId: string, emailAddress: string): Promise<void>;
  /** Pending invitations of the organization not past their expiry (or, with an address, to it). */
  countPendingOrganizationInvitations(
    organizationId: string,
    emailAddress?: string,
  ): Promise<number>;
  /** @returns the new invitation's id; `organization_invitation_not_unique` under a race */
  insertOrganizationInvitation(row: OrganizationInvitationRow): Promise<string>;
  /** The organization an invitation belongs to; null when there is no such invitation. */
  organizationOfInvitation(invitationId: string): Promise<string | null>;
  /** Locks an organization invitation for the rest of the transaction; null when missing. */
  lockOrganizationInvitation(invitationId: string): Promise<OrganizationInvitationRecord | null>;
  getOrganizationInvitation(
    organizationId: string,
    invitationId: string,
  ): Promise<OrganizationInvitationRecord | null>;
  setOrganizationInvitationStatus(
    invitationId: string,
    status: "revoked" | "accepted",
    acceptedUserId?: string,
  ): Promise<void>;
  /** Whether the user has this email address (any case), verified. */
  userHasVerifiedEmailAddress(userId: string, emailAddress: string): Promise<boolean>;

  /** Serialises application invitations to one address (any case) until the transaction ends. */
  lockInvitationAddress(emailAddress: string): Promise<void>;
  /** Whether any user has this email address (any case). */
  emailAddressExists(emailAddress: string): Promise<boolean>;
  /** Whether a pending application invitation to the address is not past its expiry. */
  hasPendingInvitation(emailAddress: string): Promise<boolean>;
  insertInvitation(row: InvitationRow): Promise<InvitationRecord>;
  /** Locks an application invitation; its status as it reads now. Null when missing. */
  lockInvitation(invitationId: string): Promise<InvitationRecord | null>;
  setInvitationStatus(invitationId: string, status: "revoked"): Promise<InvitationRecord>;
}

/**
 * What a flow works with inside `Store.transaction`: every store verb, joined to the one
 * transaction, plus row-level verbs, the time and the outbox.
 */
export interface StoreTransaction extends Store, OrganizationTransaction, InvitationTransaction {
  /** The store clock's current time (epoch ms). */
  now(): number;
  /** Writes a webhook event to the outbox with this transaction (data rendered from its records). */
  emit(event: StoreEvent): Promise<void>;
}

/** Runs flows over one transaction each. Part of {@link Store}. */
export interface TransactionalStore {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (events
   * written meanwhile go with it). `fn` must not use any other store meanwhile. Unique violations
   * come out as API errors (`form_identifier_exists`, `already_a_member_in_organization`,
   * `organization_invitation_not_unique`).
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}
