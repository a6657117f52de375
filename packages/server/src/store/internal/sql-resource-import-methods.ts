import type { Queryable } from "../database.js";
import type { ImportedRecordOutcome, ResourceImportStore } from "../resource-import-store.js";
import { knownRoleKeys, sqlRoleImportMethods } from "./sql-role-import-methods.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { upsertImportedRows } from "./upsert-imported-rows.js";

/** Which of `keys` (by `column`) belong to a row with another id: key → owner id. */
async function owners(
  tx: Queryable,
  sql: string,
  keys: readonly unknown[],
): Promise<Map<string, string>> {
  const rows = await tx.query(sql, [keys]);
  return new Map(rows.map((r) => [String(r.key), String(r.owner)]));
}

/** Runs the upsert for the records not refused, and answers every outcome in input order. */
async function settle<T extends { id: string }>(
  records: readonly T[],
  refusals: Map<string, ImportedRecordOutcome>,
  upsert: (admitted: T[]) => Promise<ImportedRecordOutcome[]>,
): Promise<ImportedRecordOutcome[]> {
  const admitted = records.filter((r) => !refusals.has(r.id));
  const written = new Map((await upsert(admitted)).map((o) => [o.id, o]));
  return records.map((r) => refusals.get(r.id) ?? written.get(r.id)!);
}

/**
 * The SQL behind {@link ResourceImportStore}: conflicts found first (a slug, a name, a
 * user's membership or a pending invitation held by another id; a missing organization or user), then
 * {@link upsertImportedRows} for the rest, all in one transaction per call.
 */
export function sqlResourceImportMethods(context: SqlStoreContext): ResourceImportStore {
  const { db, clock, guard } = context;
  return {
    ...sqlRoleImportMethods(context),
    importOrganizations: (organizations) =>
      guard(() =>
        db.transaction(async (tx) => {
          const slugs = await owners(
            tx,
            "SELECT slug AS key, id AS owner FROM organizations WHERE slug = ANY($1::text[])",
            organizations.map((o) => o.slug),
          );
          const refusals = new Map<string, ImportedRecordOutcome>();
          for (const o of organizations) {
            const owner = slugs.get(o.slug);
            if (owner !== undefined && owner !== o.id) {
              refusals.set(o.id, { id: o.id, outcome: "refused", code: "slug_taken" });
            }
          }
          return settle(organizations, refusals, (admitted) =>
            upsertImportedRows(tx, {
              table: "organizations",
              jsonColumns: ["public_metadata", "private_metadata"],
              now: clock.now(),
              rows: admitted.map((o) => ({
                id: o.id,
                values: {
                  name: o.name,
                  slug: o.slug,
                  max_allowed_memberships: o.maxAllowedMemberships,
                  admin_delete_enabled: o.adminDeleteEnabled,
                  public_metadata: o.publicMetadata,
                  private_metadata: o.privateMetadata,
                  created_by: o.createdBy,
                  created_at: o.createdAt,
                },
              })),
            }),
          );
        }),
      ),

    importMemberships: (memberships) =>
      guard(() =>
        db.transaction(async (tx) => {
          const orgs = new Set(
            (
              await tx.query("SELECT id FROM organizations WHERE id = ANY($1::text[])", [
                memberships.map((m) => m.organizationId),
              ])
            ).map((r) => String(r.id)),
          );
          const users = new Set(
            (
              await tx.query("SELECT id FROM users WHERE id = ANY($1::text[])", [
                memberships.map((m) => m.userId),
              ])
            ).map((r) => String(r.id)),
          );
          const roles = await knownRoleKeys(
            tx,
            memberships.map((m) => m.role),
          );
          const held = await owners(
            tx,
            "SELECT organization_id || ' ' || user_id AS key, id AS owner FROM organization_memberships WHERE organization_id || ' ' || user_id = ANY($1::text[])",
            memberships.map((m) => `${m.organizationId} ${m.userId}`),
          );
          const refusals = new Map<string, ImportedRecordOutcome>();
          for (const m of memberships) {
            const owner = held.get(`${m.organizationId} ${m.userId}`);
            const code = !orgs.has(m.organizationId)
              ? "organization_missing"
              : !roles.has(m.role)
                ? "role_unknown"
                : !users.has(m.userId)
                  ? "user_missing"
                  : owner !== undefined && owner !== m.id
                    ? "membership_taken"
                    : null;
            if (code !== null) refusals.set(m.id, { id: m.id, outcome: "refused", code });
          }
          return settle(memberships, refusals, (admitted) =>
            upsertImportedRows(tx, {
              table: "organization_memberships",
              jsonColumns: ["public_metadata", "private_metadata"],
              now: clock.now(),
              rows: admitted.map((m) => ({
                id: m.id,
                values: {
                  organization_id: m.organizationId,
                  user_id: m.userId,
                  role: m.role,
                  public_metadata: m.publicMetadata,
                  private_metadata: m.privateMetadata,
                  created_at: m.createdAt,
                },
              })),
            }),
          );
        }),
      ),

    importJwtTemplates: (templates) =>
      guard(() =>
        db.transaction(async (tx) => {
          const names = await owners(
            tx,
            "SELECT name AS key, id AS owner FROM jwt_templates WHERE name = ANY($1::text[])",
            templates.map((t) => t.name),
          );
          const refusals = new Map<string, ImportedRecordOutcome>();
          for (const t of templates) {
            const owner = names.get(t.name);
            if (owner !== undefined && owner !== t.id) {
              refusals.set(t.id, { id: t.id, outcome: "refused", code: "name_taken" });
            }
          }
          return settle(templates, refusals, (admitted) =>
            upsertImportedRows(tx, {
              table: "jwt_templates",
              jsonColumns: ["claims"],
              now: clock.now(),
              rows: admitted.map((t) => ({
                id: t.id,
                values: {
                  name: t.name,
                  claims: t.claims,
                  lifetime: t.lifetime,
                  allowed_clock_skew: t.allowedClockSkew,
                  custom_signing_key: false,
                  signing_algorithm: t.signingAlgorithm,
                  created_at: t.createdAt,
                },
              })),
            }),
          );
        }),
      ),

    importInvitations: (invitations) =>
      guard(() =>
        db.transaction((tx) =>
          upsertImportedRows(tx, {
            table: "invitations",
            jsonColumns: ["public_metadata"],
            now: clock.now(),
            rows: invitations.map((i) => ({
              id: i.id,
              values: {
                email_address: i.emailAddress,
                status: i.status,
                public_metadata: i.publicMetadata,
                notify: false,
                expires_at: i.expiresAt,
                created_at: i.createdAt,
              },
            })),
          }),
        ),
      ),

    importOrganizationInvitations: (invitations) =>
      guard(() =>
        db.transaction(async (tx) => {
          const orgs = new Set(
            (
              await tx.query("SELECT id FROM organizations WHERE id = ANY($1::text[])", [
                invitations.map((i) => i.organizationId),
              ])
            ).map((r) => String(r.id)),
          );
          const roles = await knownRoleKeys(
            tx,
            invitations.map((i) => i.role),
          );
          const pending = await owners(
            tx,
            "SELECT organization_id || ' ' || lower(email_address) AS key, id AS owner FROM organization_invitations WHERE status = 'pending' AND organization_id || ' ' || lower(email_address) = ANY($1::text[])",
            invitations.map((i) => `${i.organizationId} ${i.emailAddress.toLowerCase()}`),
          );
          const refusals = new Map<string, ImportedRecordOutcome>();
          for (const i of invitations) {
            const owner = pending.get(`${i.organizationId} ${i.emailAddress.toLowerCase()}`);
            const code = !orgs.has(i.organizationId)
              ? "organization_missing"
              : !roles.has(i.role)
                ? "role_unknown"
                : i.status === "pending" && owner !== undefined && owner !== i.id
                  ? "invitation_taken"
                  : null;
            if (code !== null) refusals.set(i.id, { id: i.id, outcome: "refused", code });
          }
          return settle(invitations, refusals, (admitted) =>
            upsertImportedRows(tx, {
              table: "organization_invitations",
              jsonColumns: ["public_metadata", "private_metadata"],
              now: clock.now(),
              rows: admitted.map((i) => ({
                id: i.id,
                values: {
                  organization_id: i.organizationId,
                  email_address: i.emailAddress,
                  role: i.role,
                  status: i.status,
                  public_metadata: i.publicMetadata,
                  private_metadata: i.privateMetadata,
                  expires_at: i.expiresAt,
                  created_at: i.createdAt,
                },
              })),
            }),
          );
        }),
      ),
  };
}
