import type { Queryable, Row } from "../database.js";
import { userNotFound } from "../organization-errors.js";
import type {
  InvitationStatus,
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationRecord,
} from "../organization-store.js";
import type { UserRecord } from "../store.js";
import { loadUsers } from "./load-users.js";
import { metadataOf, numberOrNull, stringOrNull } from "./row-values.js";
import { loadRolesByKey } from "./sql-organization-role-methods.js";

/**
 * Columns of `organizations o` with the computed counts. `$now` is the placeholder of the current
 * time (pending invitations past their expiry are not counted).
 */
export function organizationColumns(now: string): string {
  return `o.*,
    (SELECT count(*) FROM organization_memberships m WHERE m.organization_id = o.id) AS members_count,
    (SELECT count(*) FROM organization_invitations i WHERE i.organization_id = o.id
       AND i.status = 'pending' AND (i.expires_at IS NULL OR i.expires_at > ${now}))
       AS pending_invitations_count,
    EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id
       AND m.role = 'org:admin') AS has_admin`;
}

/** SQL for an invitation's status as answered (`expired` once a pending one is past expiry). */
export function effectiveStatusSql(alias: string, now: string): string {
  return `(CASE WHEN ${alias}.status = 'pending' AND ${alias}.expires_at IS NOT NULL
    AND ${alias}.expires_at <= ${now} THEN 'expired' ELSE ${alias}.status END)`;
}

function organizationFromRow(row: Row): OrganizationRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    slug: String(row.slug),
    maxAllowedMemberships: Number(row.max_allowed_memberships),
    adminDeleteEnabled: Boolean(row.admin_delete_enabled),
    publicMetadata: metadataOf(row.public_metadata),
    privateMetadata: metadataOf(row.private_metadata),
    createdBy: stringOrNull(row.created_by),
    roleSetKey: stringOrNull(row.role_set_key),
    membersCount: Number(row.members_count ?? 0),
    pendingInvitationsCount: Number(row.pending_invitations_count ?? 0),
    hasAdmin: Boolean(row.has_admin),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Loads organizations by id, in the order given (missing ones skipped). */
export async function loadOrganizations(
  q: Queryable,
  ids: readonly string[],
  now: number,
): Promise<OrganizationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await q.query(
    `SELECT ${organizationColumns("$2")} FROM organizations o WHERE o.id = ANY($1::text[])`,
    [[...ids], now],
  );
  const byId = new Map(rows.map((row) => [String(row.id), organizationFromRow(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Loads one organization by id or slug; null when neither matches. */
export async function loadOrganization(
  q: Queryable,
  idOrSlug: string,
  now: number,
): Promise<OrganizationRecord | null> {
  const rows = await q.query(
    `SELECT ${organizationColumns("$2")} FROM organizations o WHERE o.id = $1 OR o.slug = $1
     ORDER BY (o.id = $1) DESC LIMIT 1`,
    [idOrSlug, now],
  );
  return rows[0] === undefined ? null : organizationFromRow(rows[0]);
}

async function usersById(q: Queryable, ids: Iterable<string>): Promise<Map<string, UserRecord>> {
  const users = await loadUsers(q, [...new Set(ids)]);
  return new Map(users.map((user) => [user.id, user]));
}

async function organizationsById(
  q: Queryable,
  ids: Iterable<string>,
  now: number,
): Promise<Map<string, OrganizationRecord>> {
  const orgs = await loadOrganizations(q, [...new Set(ids)], now);
  return new Map(orgs.map((org) => [org.id, org]));
}

/** Turns `organization_memberships` rows into records (organization and user loaded). */
export async function membershipsFromRows(
  q: Queryable,
  rows: readonly Row[],
  now: number,
): Promise<OrganizationMembershipRecord[]> {
  const orgs = await organizationsById(
    q,
    rows.map((row) => String(row.organization_id)),
    now,
  );
  const users = await usersById(
    q,
    rows.map((row) => String(row.user_id)),
  );
  const roles = await loadRolesByKey(
    q,
    rows.map((row) => String(row.role)),
  );
  return rows.flatMap((row) => {
    const organization = orgs.get(String(row.organization_id));
    const user = users.get(String(row.user_id));
    if (organization === undefined || user === undefined) return [];
    const role = String(row.role);
    const known = roles.get(role);
    return [
      {
        id: String(row.id),
        organizationId: organization.id,
        userId: user.id,
        role,
        roleName: known?.name ?? role,
        permissions: (known?.permissions ?? []).map((permission) => permission.key),
        publicMetadata: metadataOf(row.public_metadata),
        privateMetadata: metadataOf(row.private_metadata),
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
        organization,
        user,
      },
    ];
  });
}

/** Loads one membership; null when the user is not a member. */
export async function loadMembership(
  q: Queryable,
  organizationId: string,
  userId: string,
  now: number,
): Promise<OrganizationMembershipRecord | null> {
  const rows = await q.query(
    "SELECT * FROM organization_memberships WHERE organization_id = $1 AND user_id = $2",
    [organizationId, userId],
  );
  return (await membershipsFromRows(q, rows, now))[0] ?? null;
}

/**
 * Turns `organization_invitations` rows into records (organization and inviter loaded). Rows must
 * carry `effective_status` (see {@link effectiveStatusSql}).
 */
export async function invitationsFromRows(
  q: Queryable,
  rows: readonly Row[],
  now: number,
): Promise<OrganizationInvitationRecord[]> {
  const orgs = await organizationsById(
    q,
    rows.map((row) => String(row.organization_id)),
    now,
  );
  const inviters = await usersById(
    q,
    rows.flatMap((row) => (row.inviter_user_id == null ? [] : [String(row.inviter_user_id)])),
  );
  const roles = await loadRolesByKey(
    q,
    rows.map((row) => String(row.role)),
  );
  return rows.flatMap((row) => {
    const organization = orgs.get(String(row.organization_id));
    if (organization === undefined) return [];
    const role = String(row.role);
    const inviterUserId = stringOrNull(row.inviter_user_id);
    return [
      {
        id: String(row.id),
        organizationId: organization.id,
        emailAddress: String(row.email_address),
        role,
        roleName: roles.get(role)?.name ?? role,
        status: String(row.effective_status ?? row.status) as InvitationStatus,
        inviterUserId,
        acceptedUserId: stringOrNull(row.accepted_user_id),
        publicMetadata: metadataOf(row.public_metadata),
        privateMetadata: metadataOf(row.private_metadata),
        redirectUrl: stringOrNull(row.redirect_url),
        expiresAt: numberOrNull(row.expires_at),
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
        organization,
        inviter: inviterUserId === null ? null : (inviters.get(inviterUserId) ?? null),
      },
    ];
  });
}

/** Loads one organization invitation (scoped to its organization); null when missing. */
export async function loadOrganizationInvitation(
  q: Queryable,
  organizationId: string,
  invitationId: string,
  now: number,
): Promise<OrganizationInvitationRecord | null> {
  const rows = await q.query(
    `SELECT i.*, ${effectiveStatusSql("i", "$3")} AS effective_status
     FROM organization_invitations i WHERE i.id = $1 AND i.organization_id = $2`,
    [invitationId, organizationId, now],
  );
  return (await invitationsFromRows(q, rows, now))[0] ?? null;
}

/** @throws ApiError `resource_not_found` (`paramName`) when the user does not exist. */
export async function requireUser(q: Queryable, userId: string, paramName = "user_id") {
  const rows = await q.query("SELECT 1 FROM users WHERE id = $1", [userId]);
  if (rows.length === 0) throw userNotFound(paramName);
}
