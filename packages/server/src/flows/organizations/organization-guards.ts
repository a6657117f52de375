import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../../store/database.js";
import {
  identifierExists,
  translateUniqueViolation,
} from "../../store/internal/unique-violation.js";
import { ADMIN_ROLE } from "./organization-roles.js";

/**
 * Locks an organization row for the rest of the transaction: every change to its memberships and
 * invitations goes through here, so quota checks and member counts cannot race.
 *
 * @throws ApiError `resource_not_found` (`organization_id`) when there is no such organization.
 */
export async function lockOrganization(tx: Queryable, organizationId: string): Promise<Row> {
  const rows = await tx.query("SELECT * FROM organizations WHERE id = $1 FOR UPDATE", [
    organizationId,
  ]);
  const row = rows[0];
  if (row === undefined) {
    throw new ApiError("resource_not_found", {
      paramName: "organization_id",
      longMessage: "Given organization not found.",
    });
  }
  return row;
}

/** @throws ApiError `resource_not_found` (`paramName`) when the user does not exist. */
export async function requireUserExists(
  q: Queryable,
  userId: string,
  paramName = "user_id",
): Promise<void> {
  const rows = await q.query("SELECT 1 FROM users WHERE id = $1", [userId]);
  if (rows.length === 0) {
    throw new ApiError("resource_not_found", {
      paramName,
      longMessage: `No user was found with the id given as ${paramName}.`,
    });
  }
}

/**
 * Checks that a user acting on an organization (inviter, revoker) is one of its admins.
 *
 * @throws ApiError `resource_not_found` (unknown user), `missing_organization_permission`
 */
export async function requireOrganizationAdmin(
  q: Queryable,
  organizationId: string,
  userId: string,
  paramName: string,
): Promise<void> {
  await requireUserExists(q, userId, paramName);
  const rows = await q.query(
    "SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2 AND role = $3",
    [organizationId, userId, ADMIN_ROLE],
  );
  if (rows.length === 0) {
    throw new ApiError("missing_organization_permission", {
      paramName,
      meta: { permissions: ["org:sys_memberships:manage"] },
    });
  }
}

/**
 * Enforces `max_allowed_memberships` (0 = unlimited): members, plus pending invitations when
 * `countPending`, must stay below it. Call with the organization row locked.
 *
 * @throws ApiError `organization_membership_quota_exceeded`
 */
export async function requireMembershipRoom(
  tx: Queryable,
  organization: Row,
  now: number,
  countPending: boolean,
): Promise<void> {
  const max = Number(organization.max_allowed_memberships);
  if (!(max > 0)) return;
  const rows = await tx.query<{ total: number }>(
    `SELECT (SELECT count(*) FROM organization_memberships WHERE organization_id = $1)
       + CASE WHEN $3::boolean THEN (SELECT count(*) FROM organization_invitations
           WHERE organization_id = $1 AND status = 'pending'
             AND (expires_at IS NULL OR expires_at > $2)) ELSE 0 END AS total`,
    [organization.id, now, countPending],
  );
  if (Number(rows[0]?.total ?? 0) >= max) {
    throw new ApiError("organization_membership_quota_exceeded", {
      longMessage: `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
    });
  }
}

/** Whether the user is already a member of the organization. */
export async function isMember(q: Queryable, organizationId: string, userId: string) {
  const rows = await q.query(
    "SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2",
    [organizationId, userId],
  );
  return rows.length > 0;
}

/** The error for adding a user who is already a member. */
export function alreadyMember(cause?: unknown): ApiError {
  return new ApiError("already_a_member_in_organization", { paramName: "user_id", cause });
}

/**
 * Turns unique violations of the organization tables into their API errors (slug taken, already
 * a member, duplicate pending invitation); anything else goes through the store's usual mapping.
 */
export function translateOrganizationConflict(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== "23505") return error;
  // The driver error carries the statement's parameters: keep only what is safe as the cause.
  const cause = { code, constraint };
  switch (constraint) {
    case "organizations_slug_key":
      return identifierExists("slug", "slug", cause);
    case "organization_memberships_org_user_key":
      return alreadyMember(cause);
    case "organization_invitations_pending_key":
      return new ApiError("organization_invitation_not_unique", {
        paramName: "email_address",
        cause,
      });
    default:
      return translateUniqueViolation(error);
  }
}
