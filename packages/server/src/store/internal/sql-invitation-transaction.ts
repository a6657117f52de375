import type { Queryable } from "../database.js";
import type { InvitationTransaction } from "../store-transaction.js";
import { invitationFromRow } from "./invitation-rows.js";
import {
  effectiveStatusSql,
  invitationsFromRows,
  loadOrganizationInvitation,
} from "./load-organizations.js";
import { metadataParams } from "./row-values.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** The invitation verbs of a transaction, in SQL over `tx`. */
export function sqlInvitationTransaction(
  { clock, ids }: Pick<SqlStoreContext, "clock" | "ids">,
  tx: Queryable,
): InvitationTransaction {
  const exists = async (sql: string, params: unknown[]) => (await tx.query(sql, params)).length > 0;

  return {
    memberHasEmailAddress: (organizationId, emailAddress) =>
      exists(
        `SELECT 1 FROM organization_memberships m JOIN email_addresses e ON e.user_id = m.user_id
         WHERE m.organization_id = $1 AND lower(e.email_address) = lower($2)`,
        [organizationId, emailAddress],
      ),

    async expireOrganizationInvitations(organizationId, emailAddress) {
      await tx.query(
        `UPDATE organization_invitations SET status = 'expired', updated_at = $3
         WHERE organization_id = $1 AND lower(email_address) = lower($2) AND status = 'pending'
           AND expires_at IS NOT NULL AND expires_at <= $3`,
        [organizationId, emailAddress, clock.now()],
      );
    },

    async countPendingOrganizationInvitations(organizationId, emailAddress) {
      const rows = await tx.query<{ total: number }>(
        `SELECT count(*) AS total FROM organization_invitations
         WHERE organization_id = $1 AND status = 'pending'
           AND (expires_at IS NULL OR expires_at > $2)
           AND ($3::text IS NULL OR lower(email_address) = lower($3))`,
        [organizationId, clock.now(), emailAddress ?? null],
      );
      return Number(rows[0]?.total ?? 0);
    },

    async insertOrganizationInvitation(row) {
      const id = ids("orginv");
      await tx.query(
        `INSERT INTO organization_invitations (id, organization_id, email_address, role, status,
           inviter_user_id, public_metadata, private_metadata, redirect_url, expires_at,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6::jsonb, $7::jsonb, $8, $9, $10, $10)`,
        [
          id,
          row.organizationId,
          row.emailAddress,
          row.role,
          row.inviterUserId,
          ...metadataParams(row),
          row.redirectUrl,
          row.expiresAt,
          clock.now(),
        ],
      );
      return id;
    },

    async organizationOfInvitation(invitationId) {
      const rows = await tx.query(
        "SELECT organization_id FROM organization_invitations WHERE id = $1",
        [invitationId],
      );
      return rows[0] === undefined ? null : String(rows[0].organization_id);
    },

    async lockOrganizationInvitation(invitationId) {
      const now = clock.now();
      const rows = await tx.query(
        `SELECT i.*, ${effectiveStatusSql("i", "$2")} AS effective_status
         FROM organization_invitations i WHERE i.id = $1 FOR UPDATE`,
        [invitationId, now],
      );
      return (await invitationsFromRows(tx, rows, now))[0] ?? null;
    },

    getOrganizationInvitation: (organizationId, invitationId) =>
      loadOrganizationInvitation(tx, organizationId, invitationId, clock.now()),

    async setOrganizationInvitationStatus(invitationId, status, acceptedUserId) {
      await tx.query(
        `UPDATE organization_invitations SET status = $2,
           accepted_user_id = COALESCE($3, accepted_user_id), updated_at = $4 WHERE id = $1`,
        [invitationId, status, acceptedUserId ?? null, clock.now()],
      );
    },

    userHasVerifiedEmailAddress: (userId, emailAddress) =>
      exists(
        `SELECT 1 FROM email_addresses WHERE user_id = $1 AND lower(email_address) = lower($2)
           AND verification_status = 'verified'`,
        [userId, emailAddress],
      ),

    async lockInvitationAddress(emailAddress) {
      // No unique index can serialise these: `ignore_existing` allows several pending ones.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [
        `latchkey:invitation:${emailAddress.toLowerCase()}`,
      ]);
    },

    emailAddressExists: (emailAddress) =>
      exists("SELECT 1 FROM email_addresses WHERE lower(email_address) = lower($1)", [
        emailAddress,
      ]),

    hasPendingInvitation: (emailAddress) =>
      exists(
        `SELECT 1 FROM invitations WHERE lower(email_address) = lower($1) AND status = 'pending'
           AND (expires_at IS NULL OR expires_at > $2)`,
        [emailAddress, clock.now()],
      ),

    async insertInvitation(row) {
      const now = clock.now();
      const rows = await tx.query(
        `INSERT INTO invitations (id, email_address, status, public_metadata, redirect_url, notify,
           expires_at, created_at, updated_at)
         VALUES ($1, $2, 'pending', $3::jsonb, $4, $5, $6, $7, $7) RETURNING *`,
        [
          ids("inv"),
          row.emailAddress,
          JSON.stringify(row.publicMetadata),
          row.redirectUrl,
          row.notify,
          row.expiresAt,
          now,
        ],
      );
      return invitationFromRow(rows[0]!);
    },

    async lockInvitation(invitationId) {
      const rows = await tx.query(
        `SELECT i.*, ${effectiveStatusSql("i", "$2")} AS effective_status FROM invitations i
         WHERE i.id = $1 FOR UPDATE`,
        [invitationId, clock.now()],
      );
      return rows[0] === undefined ? null : invitationFromRow(rows[0]);
    },

    async setInvitationStatus(invitationId, status) {
      const rows = await tx.query(
        "UPDATE invitations SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *",
        [invitationId, status, clock.now()],
      );
      return invitationFromRow(rows[0]!);
    },
  };
}
