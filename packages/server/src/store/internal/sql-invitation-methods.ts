import { ApiError } from "../../errors/api-error.js";
import {
  effectiveStatusSql,
  invitationsFromRows,
  loadMembership,
  loadOrganizationInvitation,
  loadOrganizations,
} from "../../flows/organizations/load-organizations.js";
import {
  alreadyMember,
  isMember,
  lockOrganization,
  requireMembershipRoom,
  requireOrganizationAdmin,
  requireUserExists,
  translateOrganizationConflict,
} from "../../flows/organizations/organization-guards.js";
import { requireOrganizationRole } from "../../flows/organizations/organization-roles.js";
import type { Queryable, Row } from "../database.js";
import type {
  InvitationOrderField,
  InvitationRecord,
  InvitationStore,
} from "../invitation-store.js";
import type {
  InvitationStatus,
  OrganizationInvitationOrderField,
  OrganizationInvitationRecord,
  OrganizationStore,
} from "../organization-store.js";
import type { Metadata } from "../store.js";
import { likePattern, SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type InvitationMethods = Pick<
  OrganizationStore,
  | "createOrganizationInvitation"
  | "getOrganizationInvitation"
  | "listOrganizationInvitations"
  | "listUserOrganizationInvitations"
  | "revokeOrganizationInvitation"
  | "acceptOrganizationInvitation"
> &
  InvitationStore;

const DAY_MS = 86_400_000;
const DEFAULT_EXPIRY_DAYS = 30;

const ORGANIZATION_INVITATION_ORDER: Record<OrganizationInvitationOrderField, string> = {
  created_at: "i.created_at",
  email_address: "lower(i.email_address)",
};

const INVITATION_ORDER: Record<InvitationOrderField, string> = {
  created_at: "i.created_at",
  email_address: "lower(i.email_address)",
  expires_at: "i.expires_at",
};

const direction = (dir: "asc" | "desc") => (dir === "asc" ? "ASC" : "DESC");
const meta = (value: unknown): Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Metadata) : {};

function invitationFromRow(row: Row): InvitationRecord {
  return {
    id: String(row.id),
    emailAddress: String(row.email_address),
    status: String(row.effective_status ?? row.status) as InvitationStatus,
    publicMetadata: meta(row.public_metadata),
    redirectUrl: row.redirect_url == null ? null : String(row.redirect_url),
    notify: Boolean(row.notify),
    acceptedUserId: row.accepted_user_id == null ? null : String(row.accepted_user_id),
    expiresAt: row.expires_at == null ? null : Number(row.expires_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Organization invitations and application invitations: the invitation part of the SQL store. */
export function sqlInvitationMethods({ db, clock, ids, emit }: SqlStoreContext): InvitationMethods {
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    try {
      return await db.transaction(fn);
    } catch (error) {
      throw translateOrganizationConflict(error);
    }
  };

  const requireInvitation = async (
    tx: Queryable,
    organizationId: string,
    invitationId: string,
  ): Promise<OrganizationInvitationRecord> => {
    const invitation = await loadOrganizationInvitation(
      tx,
      organizationId,
      invitationId,
      clock.now(),
    );
    if (invitation === null) {
      throw new ApiError("resource_not_found", { paramName: "invitation_id" });
    }
    return invitation;
  };

  const emitInvitation = async (
    tx: Queryable,
    type: "created" | "accepted" | "revoked",
    invitation: OrganizationInvitationRecord,
  ) => {
    await emit(tx, { type: `organizationInvitation.${type}`, invitation });
  };

  /** Locks an organization invitation row; throws `resource_not_found` when missing. */
  const lockInvitationRow = async (
    tx: Queryable,
    invitationId: string,
    organizationId?: string,
  ) => {
    const rows = await tx.query(
      `SELECT i.*, ${effectiveStatusSql("i", "$2")} AS effective_status
       FROM organization_invitations i WHERE i.id = $1 FOR UPDATE`,
      [invitationId, clock.now()],
    );
    const row = rows[0];
    if (
      row === undefined ||
      (organizationId !== undefined && row.organization_id !== organizationId)
    ) {
      throw new ApiError("resource_not_found", { paramName: "invitation_id" });
    }
    return row;
  };

  const notPending = (status: unknown) =>
    new ApiError("organization_invitation_not_pending", {
      longMessage: `The organization invitation is ${String(status)}, not pending.`,
    });

  const statusCondition = (statuses: InvitationStatus[] | undefined, params: SqlParams) =>
    statuses?.length
      ? `${effectiveStatusSql("i", params.add(clock.now()))} = ANY(${params.add(statuses)}::text[])`
      : "true";

  const pageOfOrganizationInvitations = async (
    where: string,
    params: SqlParams,
    orderSql: string,
    page: { limit: number; offset: number },
  ) => {
    const countRows = await db.query<{ total: number }>(
      `SELECT count(*) AS total FROM organization_invitations i WHERE ${where}`,
      params.values,
    );
    const now = params.add(clock.now());
    const rows = await db.query(
      `SELECT i.*, ${effectiveStatusSql("i", now)} AS effective_status
       FROM organization_invitations i WHERE ${where} ORDER BY ${orderSql}
       LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
      params.values,
    );
    return {
      data: await invitationsFromRows(db, rows, clock.now()),
      totalCount: Number(countRows[0]?.total ?? 0),
    };
  };

  return {
    createOrganizationInvitation: (organizationId, input) =>
      transaction(async (tx) => {
        const now = clock.now();
        const organization = await lockOrganization(tx, organizationId);
        const role = requireOrganizationRole(input.role);
        if (input.inviterUserId != null) {
          await requireOrganizationAdmin(
            tx,
            organizationId,
            input.inviterUserId,
            "inviter_user_id",
          );
        }
        const email = input.emailAddress;
        const members = await tx.query(
          `SELECT 1 FROM organization_memberships m JOIN email_addresses e ON e.user_id = m.user_id
           WHERE m.organization_id = $1 AND lower(e.email_address) = lower($2)`,
          [organizationId, email],
        );
        if (members.length > 0) throw alreadyMember();
        // A pending invitation past its expiry no longer blocks a new one.
        await tx.query(
          `UPDATE organization_invitations SET status = 'expired', updated_at = $3
           WHERE organization_id = $1 AND lower(email_address) = lower($2) AND status = 'pending'
             AND expires_at IS NOT NULL AND expires_at <= $3`,
          [organizationId, email, now],
        );
        const pending = await tx.query(
          `SELECT 1 FROM organization_invitations WHERE organization_id = $1
             AND lower(email_address) = lower($2) AND status = 'pending'`,
          [organizationId, email],
        );
        if (pending.length > 0) {
          throw new ApiError("organization_invitation_not_unique", { paramName: "email_address" });
        }
        await requireMembershipRoom(tx, organization, now, true);
        const id = ids("orginv");
        await tx.query(
          `INSERT INTO organization_invitations (id, organization_id, email_address, role, status,
             inviter_user_id, public_metadata, private_metadata, redirect_url, expires_at,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'pending', $5, $6::jsonb, $7::jsonb, $8, $9, $10, $10)`,
          [
            id,
            organizationId,
            email,
            role.key,
            input.inviterUserId ?? null,
            JSON.stringify(input.publicMetadata ?? {}),
            JSON.stringify(input.privateMetadata ?? {}),
            input.redirectUrl ?? null,
            now + (input.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS,
            now,
          ],
        );
        const invitation = await requireInvitation(tx, organizationId, id);
        await emitInvitation(tx, "created", invitation);
        return invitation;
      }),

    getOrganizationInvitation: (organizationId, invitationId) =>
      loadOrganizationInvitation(db, organizationId, invitationId, clock.now()),

    async listOrganizationInvitations(organizationId, filter, page) {
      const [org] = await loadOrganizations(db, [organizationId], clock.now());
      if (org === undefined) {
        throw new ApiError("resource_not_found", { paramName: "organization_id" });
      }
      const params = new SqlParams();
      const conditions = [
        `i.organization_id = ${params.add(organizationId)}`,
        statusCondition(filter.statuses, params),
      ];
      if (filter.emailAddress) {
        conditions.push(`lower(i.email_address) = lower(${params.add(filter.emailAddress)})`);
      }
      const dir = direction(page.orderBy.direction);
      return pageOfOrganizationInvitations(
        conditions.join(" AND "),
        params,
        `${ORGANIZATION_INVITATION_ORDER[page.orderBy.field]} ${dir}, i.id ${dir}`,
        page,
      );
    },

    async listUserOrganizationInvitations(userId, filter, page) {
      await requireUserExists(db, userId);
      const params = new SqlParams();
      const where = `lower(i.email_address) IN (SELECT lower(e.email_address) FROM email_addresses e
          WHERE e.user_id = ${params.add(userId)}) AND ${statusCondition(filter.statuses, params)}`;
      return pageOfOrganizationInvitations(where, params, "i.created_at DESC, i.id DESC", page);
    },

    revokeOrganizationInvitation: (organizationId, invitationId, options = {}) =>
      transaction(async (tx) => {
        await lockOrganization(tx, organizationId);
        const row = await lockInvitationRow(tx, invitationId, organizationId);
        if (options.requestingUserId != null) {
          await requireOrganizationAdmin(
            tx,
            organizationId,
            options.requestingUserId,
            "requesting_user_id",
          );
        }
        if (row.effective_status !== "pending") throw notPending(row.effective_status);
        await tx.query(
          "UPDATE organization_invitations SET status = 'revoked', updated_at = $2 WHERE id = $1",
          [invitationId, clock.now()],
        );
        const invitation = await requireInvitation(tx, organizationId, invitationId);
        await emitInvitation(tx, "revoked", invitation);
        return invitation;
      }),

    acceptOrganizationInvitation: (invitationId, userId) =>
      transaction(async (tx) => {
        const now = clock.now();
        const found = await tx.query(
          "SELECT organization_id FROM organization_invitations WHERE id = $1",
          [invitationId],
        );
        if (found[0] === undefined) {
          throw new ApiError("resource_not_found", { paramName: "invitation_id" });
        }
        const organizationId = String(found[0].organization_id);
        const organization = await lockOrganization(tx, organizationId);
        const row = await lockInvitationRow(tx, invitationId, organizationId);
        if (row.effective_status !== "pending") throw notPending(row.effective_status);
        await requireUserExists(tx, userId);
        const owned = await tx.query(
          `SELECT 1 FROM email_addresses WHERE user_id = $1 AND lower(email_address) = lower($2)
             AND verification_status = 'verified'`,
          [userId, row.email_address],
        );
        if (owned.length === 0) {
          throw new ApiError("organization_invitation_identification_not_exist", {
            paramName: "user_id",
          });
        }
        if (await isMember(tx, organizationId, userId)) throw alreadyMember();
        // The invitation itself already holds a seat: count members only.
        await requireMembershipRoom(tx, organization, now, false);
        await tx.query(
          `INSERT INTO organization_memberships
             (id, organization_id, user_id, role, public_metadata, private_metadata, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $7)`,
          [
            ids("orgmem"),
            organizationId,
            userId,
            row.role,
            JSON.stringify(meta(row.public_metadata)),
            JSON.stringify(meta(row.private_metadata)),
            now,
          ],
        );
        await tx.query(
          `UPDATE organization_invitations SET status = 'accepted', accepted_user_id = $2,
             updated_at = $3 WHERE id = $1`,
          [invitationId, userId, now],
        );
        const membership = await loadMembership(tx, organizationId, userId, now);
        if (membership === null) throw new Error("membership vanished inside its transaction");
        await emit(tx, { type: "organizationMembership.created", membership });
        const invitation = await requireInvitation(tx, organizationId, invitationId);
        await emitInvitation(tx, "accepted", invitation);
        return { membership, invitation };
      }),

    createInvitation: (input) =>
      transaction(async (tx) => {
        const now = clock.now();
        const email = input.emailAddress;
        // Serialises invitations for one address across processes (no unique index can, since
        // `ignore_existing` allows several pending ones).
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [
          `latchkey:invitation:${email.toLowerCase()}`,
        ]);
        if (!input.ignoreExisting) {
          const users = await tx.query(
            "SELECT 1 FROM email_addresses WHERE lower(email_address) = lower($1)",
            [email],
          );
          if (users.length > 0) {
            throw new ApiError("form_identifier_exists", {
              paramName: "email_address",
              message: "That email address is taken. Please try another.",
              longMessage: "That email address is taken. Please try another.",
            });
          }
          const pending = await tx.query(
            `SELECT 1 FROM invitations WHERE lower(email_address) = lower($1) AND status = 'pending'
               AND (expires_at IS NULL OR expires_at > $2)`,
            [email, now],
          );
          if (pending.length > 0) {
            throw new ApiError("duplicate_record", {
              longMessage: `There are already pending invitations for the following email addresses: ${email}`,
              meta: { email_addresses: [email] },
            });
          }
        }
        const rows = await tx.query(
          `INSERT INTO invitations (id, email_address, status, public_metadata, redirect_url, notify,
             expires_at, created_at, updated_at)
           VALUES ($1, $2, 'pending', $3::jsonb, $4, $5, $6, $7, $7) RETURNING *`,
          [
            ids("inv"),
            email,
            JSON.stringify(input.publicMetadata ?? {}),
            input.redirectUrl ?? null,
            input.notify ?? true,
            now + (input.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS,
            now,
          ],
        );
        return invitationFromRow(rows[0]!);
      }),

    async getInvitation(invitationId) {
      const rows = await db.query(
        `SELECT i.*, ${effectiveStatusSql("i", "$2")} AS effective_status FROM invitations i
         WHERE i.id = $1`,
        [invitationId, clock.now()],
      );
      return rows[0] === undefined ? null : invitationFromRow(rows[0]);
    },

    async listInvitations(filter, page) {
      const params = new SqlParams();
      const conditions = [statusCondition(filter.statuses, params)];
      if (filter.query) {
        conditions.push(
          `(i.email_address ILIKE ${params.add(likePattern(filter.query))} OR i.id = ${params.add(filter.query)})`,
        );
      }
      const where = conditions.join(" AND ");
      const countRows = await db.query<{ total: number }>(
        `SELECT count(*) AS total FROM invitations i WHERE ${where}`,
        params.values,
      );
      const dir = direction(page.orderBy.direction);
      const now = params.add(clock.now());
      const rows = await db.query(
        `SELECT i.*, ${effectiveStatusSql("i", now)} AS effective_status FROM invitations i
         WHERE ${where} ORDER BY ${INVITATION_ORDER[page.orderBy.field]} ${dir} NULLS LAST, i.id ${dir}
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return { data: rows.map(invitationFromRow), totalCount: Number(countRows[0]?.total ?? 0) };
    },

    revokeInvitation: (invitationId) =>
      transaction(async (tx) => {
        const rows = await tx.query(
          `SELECT i.*, ${effectiveStatusSql("i", "$2")} AS effective_status FROM invitations i
           WHERE i.id = $1 FOR UPDATE`,
          [invitationId, clock.now()],
        );
        const row = rows[0];
        if (row === undefined) {
          throw new ApiError("resource_not_found", { paramName: "invitation_id" });
        }
        if (row.status === "revoked") throw new ApiError("invitation_already_revoked");
        if (row.status === "accepted") throw new ApiError("invitation_already_accepted");
        const updated = await tx.query(
          "UPDATE invitations SET status = 'revoked', updated_at = $2 WHERE id = $1 RETURNING *",
          [invitationId, clock.now()],
        );
        return invitationFromRow(updated[0]!);
      }),
  };
}
