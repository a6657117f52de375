import type { Queryable } from "../database.js";
import type { ImportedRecordOutcome, ResourceImportStore } from "../resource-import-store.js";
import { loadRolesByKey } from "./sql-organization-role-methods.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/**
 * Which of `keys` name a role of this instance.
 *
 * @example
 * const known = await knownRoleKeys(tx, memberships.map((m) => m.role));
 */
export async function knownRoleKeys(q: Queryable, keys: readonly string[]): Promise<Set<string>> {
  const rows = await q.query("SELECT key FROM organization_roles WHERE key = ANY($1::text[])", [
    [...new Set(keys)],
  ]);
  return new Set(rows.map((row) => String(row.key)));
}

/**
 * The SQL behind {@link ResourceImportStore.importOrganizationRoles}, in one transaction: the
 * missing permissions made (by key), then each role created or brought to the imported name,
 * description and permissions; a role already so is `unchanged` (nothing written).
 */
export function sqlRoleImportMethods({
  db,
  clock,
  ids,
  guard,
}: SqlStoreContext): Pick<ResourceImportStore, "importOrganizationRoles"> {
  return {
    importOrganizationRoles: (roles) =>
      guard(() =>
        db.transaction(async (tx) => {
          const now = clock.now();
          const permissions = new Map(roles.flatMap((r) => r.permissions.map((p) => [p.key, p])));
          const stored = await tx.query(
            "SELECT key, id FROM organization_permissions WHERE key = ANY($1::text[])",
            [[...permissions.keys()]],
          );
          const permissionIds = new Map(stored.map((row) => [String(row.key), String(row.id)]));
          for (const [key, p] of permissions) {
            if (permissionIds.has(key)) continue;
            const id = ids("perm");
            await tx.query(
              `INSERT INTO organization_permissions (id, key, name, description, type, created_at,
                 updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
              [id, key, p.name, p.description, p.type, now],
            );
            permissionIds.set(key, id);
          }
          const existing = await loadRolesByKey(
            tx,
            roles.map((r) => r.key),
          );
          const outcomes: ImportedRecordOutcome[] = [];
          for (const role of roles) {
            const before = existing.get(role.key);
            const wanted = role.permissions.map((p) => p.key);
            const same =
              before !== undefined &&
              before.name === role.name &&
              (before.description ?? null) === role.description &&
              JSON.stringify(before.permissions.map((p) => p.key).sort()) ===
                JSON.stringify([...wanted].sort());
            if (same) {
              outcomes.push({ id: role.id, outcome: "unchanged" });
              continue;
            }
            const roleId = before?.id ?? ids("role");
            if (before === undefined) {
              await tx.query(
                `INSERT INTO organization_roles (id, key, name, description, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $5)`,
                [roleId, role.key, role.name, role.description, now],
              );
            } else {
              await tx.query(
                "UPDATE organization_roles SET name = $2, description = $3, updated_at = $4 WHERE id = $1",
                [roleId, role.name, role.description, now],
              );
              await tx.query("DELETE FROM organization_role_permissions WHERE role_id = $1", [
                roleId,
              ]);
            }
            await tx.query(
              `INSERT INTO organization_role_permissions (role_id, permission_id)
               SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
              [roleId, wanted.map((key) => permissionIds.get(key))],
            );
            outcomes.push({ id: role.id, outcome: before === undefined ? "created" : "updated" });
          }
          return outcomes;
        }),
      ),
  };
}
