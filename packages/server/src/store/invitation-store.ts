import type { InvitationStatus, Paging, ResultPage } from "./organization-store.js";
import type { Metadata } from "./store.js";

/** An application (sign-up) invitation. */
export interface InvitationRecord {
  id: string;
  emailAddress: string;
  /** As answered: a pending invitation past its expiry is `expired`. */
  status: InvitationStatus;
  publicMetadata: Metadata;
  redirectUrl: string | null;
  notify: boolean;
  /** The user who accepted it, once accepted. */
  acceptedUserId: string | null;
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewInvitation {
  emailAddress: string;
  publicMetadata?: Metadata | null;
  redirectUrl?: string | null;
  /** Default true. */
  notify?: boolean | null;
  /** Create it even when the address belongs to a user or has a pending invitation. */
  ignoreExisting?: boolean | null;
  /** Default 30. */
  expiresInDays?: number | null;
}

export interface InvitationFilter {
  statuses?: InvitationStatus[];
  /** Partial (case-insensitive) email address, or exact id. */
  query?: string;
}

export type InvitationOrderField = "created_at" | "email_address" | "expires_at";

/**
 * Application invitations. Part of {@link Store}.
 *
 * Errors (`ApiError`): the address belongs to a user → `form_identifier_exists`
 * (`email_address`); a pending invitation exists → `duplicate_record` (both unless
 * `ignoreExisting`); revoking a revoked / accepted one → `invitation_already_revoked` /
 * `invitation_already_accepted`; unknown id → `resource_not_found`.
 */
export interface InvitationStore {
  createInvitation(input: NewInvitation): Promise<InvitationRecord>;
  getInvitation(invitationId: string): Promise<InvitationRecord | null>;
  listInvitations(
    filter: InvitationFilter,
    page: Paging<InvitationOrderField>,
  ): Promise<ResultPage<InvitationRecord>>;
  revokeInvitation(invitationId: string): Promise<InvitationRecord>;
}
