import type { InvitationRecord } from "../store/invitation-store.js";

/**
 * Clerk's application `invitation` object. `url` is left out: invitation links (tickets) are not
 * issued by this instance.
 *
 * @example
 * invitationJson(invitation); // { object: "invitation", id: "inv_…", status: "pending", … }
 */
export function invitationJson(invitation: InvitationRecord): Record<string, unknown> {
  return {
    object: "invitation",
    id: invitation.id,
    email_address: invitation.emailAddress,
    public_metadata: invitation.publicMetadata,
    revoked: invitation.status === "revoked",
    status: invitation.status,
    expires_at: invitation.expiresAt,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}
