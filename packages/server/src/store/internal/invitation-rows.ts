import type { Row } from "../database.js";
import type { InvitationRecord } from "../invitation-store.js";
import type { InvitationStatus } from "../organization-store.js";
import { metadataOf, numberOrNull, stringOrNull } from "./row-values.js";

/**
 * An `invitations` row as a record. Rows selected with `effective_status` (see
 * `effectiveStatusSql`) answer that status.
 */
export function invitationFromRow(row: Row): InvitationRecord {
  return {
    id: String(row.id),
    emailAddress: String(row.email_address),
    status: String(row.effective_status ?? row.status) as InvitationStatus,
    publicMetadata: metadataOf(row.public_metadata),
    redirectUrl: stringOrNull(row.redirect_url),
    notify: Boolean(row.notify),
    acceptedUserId: stringOrNull(row.accepted_user_id),
    expiresAt: numberOrNull(row.expires_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
