import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../database.js";
import type {
  OrganizationPermissionRecord,
  OrganizationRoleRecord,
  OrganizationRoleStore,
  RoleListQuery,
} from "../organization-role-store.js";
import { likePattern, SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function permissionFromRow(row: Row): OrganizationPermissionRecord {
  return {
    id: String(row.id),
    key: String(row.key),
    name: String(row.name),
    description: String(row.description ?? ""),
    type: row.type === "system" ? "system" : "user",
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function roleFromRow(row: Row): OrganizationRoleRecord {
  const permissions =
    typeof row.permissions === "string" ? JSON.parse(row.permissions) : row.permissions;
  return {
    id: String(row.id),
    key: String(row.key),
    name: String(row.name),
    description: row.description == null ? null : String(row.description),
    system: Boolean(row.system),
    permissions: Array.isArray(permissions) ? permissions.map(permissionFromRow) : [],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** `organization_roles r` with its permissions as a JSON array (`permissions`), made-order. */
const ROLE_SELECT = `SELECT r.*, (SELECT coalesce(json_agg(p ORDER BY p.seq), '[]'::json)
    FROM organization_role_permissions rp JOIN organization_permissions p ON p.id = rp.permission_id
    WHERE rp.role_id = r.id) AS permissions
  FROM organization_roles r`;

/**
 * Loads the roles with these keys (with their permissions), by key.
 *
 * @example
 * const roles = await loadRolesByKey(tx, ["org:admin"]);
 */
export async function loadRolesByKey(
  q: Queryable,
  keys: readonly string[],
): Promise<Map<string, OrganizationRoleRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await q.query(`${ROLE_SELECT} WHERE r.key = ANY($1::text[])`, [[...new Set(keys)]]);
  return new Map(rows.map((row) => [String(row.key), roleFromRow(row)]));
}

/** `WHERE` and `ORDER BY` of a role or permission list over alias `t`. */
function listClauses(query: RoleListQuery | { query?: string }, params: SqlParams): string {
  let sql = "";
  if (query.query !== undefined && query.query !== "") {
    const exact = params.add(query.query);
    const like = params.add(likePattern(query.query.toLowerCase()));
    sql += ` WHERE (t.id = ${exact} OR lower(t.name) LIKE ${like} OR lower(t.key) LIKE ${like})`;
  }
  if ("limit" in query) {
    const { field, direction } = query.orderBy ?? { field: "created_at", direction: "desc" };
    const column = field === "created_at" ? "t.created_at" : `lower(t.${field})`;
    const dir = direction === "asc" ? "ASC" : "DESC";
    sql += ` ORDER BY ${column} ${dir}, t.seq ${dir} LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`;
  }
  return sql;
}

async function count(q: Queryable, table: string, query?: string): Promise<number> {
  const params = new SqlParams();
  const rows = await q.query(
    `SELECT count(*) AS total FROM ${table} t${listClauses({ query }, params)}`,
    params.values,
  );
  return Number(rows[0]?.total ?? 0);
}

async function setPermissions(q: Queryable, roleId: string, ids: readonly string[]) {
  await q.query("DELETE FROM organization_role_permissions WHERE role_id = $1", [roleId]);
  await q.query(
    `INSERT INTO organization_role_permissions (role_id, permission_id)
     SELECT $1, id FROM organization_permissions WHERE id = ANY($2::text[])`,
    [roleId, [...ids]],
  );
}

/** The organization-role part of the SQL store. */
export function sqlOrganizationRoleMethods({
  db,
  clock,
  ids,
  guard,
}: SqlStoreContext): OrganizationRoleStore {
  const getRole = async (where: string, value: string, lock = "") => {
    const rows = await db.query(`${ROLE_SELECT} WHERE ${where} = $1${lock}`, [value]);
    return rows[0] === undefined ? null : roleFromRow(rows[0]);
  };
  const requireRole = async (roleId: string) => {
    const role = await getRole("r.id", roleId);
    if (role === null) {
      throw new ApiError("resource_not_found", { paramName: "organization_role_id" });
    }
    return role;
  };
  return {
    async listOrganizationRoles(query) {
      const params = new SqlParams();
      const rows = await db.query(
        `SELECT t.* FROM (${ROLE_SELECT}) t${listClauses(query, params)}`,
        params.values,
      );
      return rows.map(roleFromRow);
    },
    countOrganizationRoles: (query) => count(db, "organization_roles", query),
    getOrganizationRole: (roleId) => getRole("r.id", roleId),
    getOrganizationRoleByKey: (key, options) =>
      getRole("r.key", key, options?.lock ? " FOR SHARE OF r" : ""),
    lockOrganizationRole: (roleId) => getRole("r.id", roleId, " FOR UPDATE OF r"),

    insertOrganizationRole: (columns) =>
      guard(async () => {
        const id = ids("role");
        const now = clock.now();
        await db.query(
          `INSERT INTO organization_roles (id, key, name, description, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5)`,
          [id, columns.key, columns.name, columns.description, now],
        );
        await setPermissions(db, id, columns.permissionIds);
        return requireRole(id);
      }),

    updateOrganizationRole: (roleId, columns) =>
      guard(async () => {
        const before = await requireRole(roleId);
        await db.query(
          `UPDATE organization_roles SET key = $2, name = $3, description = $4, updated_at = $5
           WHERE id = $1`,
          [
            roleId,
            columns.key ?? before.key,
            columns.name ?? before.name,
            columns.description === undefined ? before.description : columns.description,
            clock.now(),
          ],
        );
        if (columns.key !== undefined && columns.key !== before.key) {
          for (const table of ["organization_memberships", "organization_invitations"]) {
            await db.query(`UPDATE ${table} SET role = $2 WHERE role = $1`, [
              before.key,
              columns.key,
            ]);
          }
        }
        if (columns.permissionIds !== undefined) {
          await setPermissions(db, roleId, columns.permissionIds);
        }
        return requireRole(roleId);
      }),

    async deleteOrganizationRole(roleId) {
      await db.query("DELETE FROM organization_roles WHERE id = $1", [roleId]);
    },

    async organizationRoleInUse(key) {
      const rows = await db.query(
        `SELECT EXISTS (SELECT 1 FROM organization_memberships WHERE role = $1)
           OR EXISTS (SELECT 1 FROM organization_invitations WHERE role = $1 AND status = 'pending')
           AS used`,
        [key],
      );
      return Boolean(rows[0]?.used);
    },

    async listOrganizationPermissions(query) {
      const params = new SqlParams();
      const rows = await db.query(
        `SELECT t.* FROM organization_permissions t${listClauses(query, params)}`,
        params.values,
      );
      return rows.map(permissionFromRow);
    },
    countOrganizationPermissions: (query) => count(db, "organization_permissions", query),
    async getOrganizationPermissions(permissionIds) {
      const rows = await db.query(
        "SELECT * FROM organization_permissions WHERE id = ANY($1::text[]) ORDER BY seq",
        [[...permissionIds]],
      );
      return rows.map(permissionFromRow);
    },
    insertOrganizationPermission: (columns) =>
      guard(async () => {
        const now = clock.now();
        const rows = await db.query(
          `INSERT INTO organization_permissions (id, key, name, description, type, created_at,
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
          [
            ids("perm"),
            columns.key,
            columns.name,
            columns.description,
            columns.type ?? "user",
            now,
          ],
        );
        return permissionFromRow(rows[0]!);
      }),
  };
}
