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

export interface InvitationFilter {
  statuses?: InvitationStatus[];
  /** Partial (case-insensitive) email address, or exact id. */
  query?: string;
}

export type InvitationOrderField = "created_at" | "email_address" | "expires_at";

/**
 * Reading application invitations. Part of {@link Store}; they change through
 * `Store.transaction`, in `flows/invitations`.
 */
export interface InvitationStore {
  getInvitation(invitationId: string): Promise<InvitationRecord | null>;
  listInvitations(
    filter: InvitationFilter,
    page: Paging<InvitationOrderField>,
  ): Promise<ResultPage<InvitationRecord>>;
}
