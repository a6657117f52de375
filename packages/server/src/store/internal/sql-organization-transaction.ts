import type { Queryable, Row } from "../database.js";
import type { LockedOrganization, OrganizationTransaction } from "../store-transaction.js";
import { loadMembership } from "./load-organizations.js";
import { metadataOf, metadataParams } from "./row-values.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** Organization columns a patch may set, by field. */
const ORGANIZATION_COLUMNS = {
  name: "name",
  slug: "slug",
  maxAllowedMemberships: "max_allowed_memberships",
  adminDeleteEnabled: "admin_delete_enabled",
  roleSetKey: "role_set_key",
  createdAt: "created_at",
  publicMetadata: "public_metadata",
  privateMetadata: "private_metadata",
} as const;

const MEMBERSHIP_COLUMNS = {
  role: "role",
  publicMetadata: "public_metadata",
  privateMetadata: "private_metadata",
} as const;

const JSON_COLUMNS = new Set(["public_metadata", "private_metadata"]);

/** `SET` assignments for the given fields (undefined ones skipped), `updated_at` first. */
function assignments(
  params: SqlParams,
  columns: Record<string, string>,
  values: Record<string, unknown>,
  now: number,
): string {
  const sets = [`updated_at = ${params.add(now)}`];
  for (const [field, column] of Object.entries(columns)) {
    const value = values[field];
    if (value === undefined) continue;
    sets.push(
      JSON_COLUMNS.has(column)
        ? `${column} = ${params.add(JSON.stringify(value))}::jsonb`
        : `${column} = ${params.add(value)}`,
    );
  }
  return sets.join(", ");
}

const lockedOrganization = (row: Row): LockedOrganization => ({
  id: String(row.id),
  maxAllowedMemberships: Number(row.max_allowed_memberships),
  publicMetadata: metadataOf(row.public_metadata),
  privateMetadata: metadataOf(row.private_metadata),
});

/** The organization-and-membership verbs of a transaction, in SQL over `tx`. */
export function sqlOrganizationTransaction(
  { clock, ids }: Pick<SqlStoreContext, "clock" | "ids">,
  tx: Queryable,
): OrganizationTransaction {
  return {
    async lockOrganization(organizationId) {
      const rows = await tx.query("SELECT * FROM organizations WHERE id = $1 FOR UPDATE", [
        organizationId,
      ]);
      return rows[0] === undefined ? null : lockedOrganization(rows[0]);
    },

    async insertOrganization(row) {
      const id = ids("org");
      await tx.query(
        `INSERT INTO organizations (id, name, slug, max_allowed_memberships, public_metadata,
           private_metadata, created_by, role_set_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10)`,
        [
          id,
          row.name,
          row.slug,
          row.maxAllowedMemberships,
          ...metadataParams(row),
          row.createdBy,
          row.roleSetKey,
          row.createdAt,
          clock.now(),
        ],
      );
      return id;
    },

    async updateOrganization(organizationId, columns) {
      const params = new SqlParams();
      const sets = assignments(params, ORGANIZATION_COLUMNS, { ...columns }, clock.now());
      await tx.query(
        `UPDATE organizations SET ${sets} WHERE id = ${params.add(organizationId)}`,
        params.values,
      );
    },

    async deleteOrganization(organizationId) {
      const rows = await tx.query("DELETE FROM organizations WHERE id = $1 RETURNING id", [
        organizationId,
      ]);
      return rows.length > 0;
    },

    async userExists(userId, options = {}) {
      const lock = options.lock ? " FOR SHARE" : "";
      const rows = await tx.query(`SELECT 1 FROM users WHERE id = $1${lock}`, [userId]);
      return rows.length > 0;
    },

    async membershipRole(organizationId, userId) {
      const rows = await tx.query(
        "SELECT role FROM organization_memberships WHERE organization_id = $1 AND user_id = $2",
        [organizationId, userId],
      );
      return rows[0] === undefined ? null : String(rows[0].role);
    },

    async lockMembership(organizationId, userId) {
      const rows = await tx.query(
        `SELECT * FROM organization_memberships WHERE organization_id = $1 AND user_id = $2
         FOR UPDATE`,
        [organizationId, userId],
      );
      const row = rows[0];
      if (row === undefined) return null;
      return {
        role: String(row.role),
        publicMetadata: metadataOf(row.public_metadata),
        privateMetadata: metadataOf(row.private_metadata),
      };
    },

    getMembership: (organizationId, userId) =>
      loadMembership(tx, organizationId, userId, clock.now()),

    async insertMembership(row) {
      await tx.query(
        `INSERT INTO organization_memberships
           (id, organization_id, user_id, role, public_metadata, private_metadata, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $7)`,
        [
          ids("orgmem"),
          row.organizationId,
          row.userId,
          row.role,
          ...metadataParams(row),
          clock.now(),
        ],
      );
    },

    async updateMembership(organizationId, userId, columns) {
      const params = new SqlParams();
      const sets = assignments(params, MEMBERSHIP_COLUMNS, { ...columns }, clock.now());
      await tx.query(
        `UPDATE organization_memberships SET ${sets}
         WHERE organization_id = ${params.add(organizationId)} AND user_id = ${params.add(userId)}`,
        params.values,
      );
    },

    async deleteMembership(organizationId, userId) {
      await tx.query(
        "DELETE FROM organization_memberships WHERE organization_id = $1 AND user_id = $2",
        [organizationId, userId],
      );
    },

    async countMemberships(organizationId) {
      const rows = await tx.query<{ total: number }>(
        "SELECT count(*) AS total FROM organization_memberships WHERE organization_id = $1",
        [organizationId],
      );
      return Number(rows[0]?.total ?? 0);
    },
  };
}
