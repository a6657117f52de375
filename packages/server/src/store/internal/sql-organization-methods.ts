import { ApiError, isApiError } from "../../errors/api-error.js";
import {
  loadMembership,
  loadOrganization,
  loadOrganizations,
  membershipsFromRows,
} from "../../flows/organizations/load-organizations.js";
import {
  alreadyMember,
  isMember,
  lockOrganization,
  requireMembershipRoom,
  requireUserExists,
  translateOrganizationConflict,
} from "../../flows/organizations/organization-guards.js";
import {
  CREATOR_ROLE,
  requireOrganizationRole,
} from "../../flows/organizations/organization-roles.js";
import { slugFromName } from "../../flows/organizations/organization-slug.js";
import { randomBase62 } from "../../id-generator.js";
import { deepMergeMetadata } from "../../internal/deep-merge-metadata.js";
import { checkMetadataSize } from "../../internal/metadata-size.js";
import type { Queryable, Row } from "../database.js";
import type {
  MembershipFilter,
  MembershipOrderField,
  OrganizationFilter,
  OrganizationMembershipRecord,
  OrganizationMetadataUpdate,
  OrganizationOrderField,
  OrganizationRecord,
  OrganizationStore,
} from "../organization-store.js";
import type { Metadata } from "../store.js";
import { likePattern, SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { userFilterSql } from "./user-filter-sql.js";

type OrganizationMethods = Pick<
  OrganizationStore,
  | "createOrganization"
  | "getOrganization"
  | "listOrganizations"
  | "updateOrganization"
  | "setOrganizationMetadata"
  | "deleteOrganization"
  | "createOrganizationMembership"
  | "getOrganizationMembership"
  | "listOrganizationMemberships"
  | "listUserOrganizationMemberships"
  | "updateOrganizationMembership"
  | "setOrganizationMembershipMetadata"
  | "deleteOrganizationMembership"
>;

const ORGANIZATION_ORDER: Record<OrganizationOrderField, string> = {
  created_at: "o.created_at",
  name: "lower(o.name)",
  members_count: "(SELECT count(*) FROM organization_memberships c WHERE c.organization_id = o.id)",
};

const MEMBERSHIP_ORDER: Record<MembershipOrderField, string> = {
  created_at: "m.created_at",
  email_address:
    "(SELECT lower(e.email_address) FROM email_addresses e WHERE e.id = u.primary_email_address_id)",
  phone_number:
    "(SELECT p.phone_number FROM phone_numbers p WHERE p.id = u.primary_phone_number_id)",
  first_name: "lower(u.first_name)",
  last_name: "lower(u.last_name)",
  username: "lower(u.username)",
};

function organizationFilterSql(filter: OrganizationFilter, params: SqlParams): string {
  const conditions: string[] = [];
  if (filter.query) {
    const exact = params.add(filter.query);
    const like = params.add(likePattern(filter.query));
    conditions.push(`(o.id = ${exact} OR o.name ILIKE ${like} OR o.slug ILIKE ${like})`);
  }
  const memberOf = (list: string) =>
    `EXISTS (SELECT 1 FROM organization_memberships f WHERE f.organization_id = o.id AND f.user_id = ANY(${list}::text[]))`;
  if (filter.userIds?.include.length) conditions.push(memberOf(params.add(filter.userIds.include)));
  if (filter.userIds?.exclude.length) {
    conditions.push(`NOT ${memberOf(params.add(filter.userIds.exclude))}`);
  }
  if (filter.organizationIds?.include.length) {
    conditions.push(`o.id = ANY(${params.add(filter.organizationIds.include)}::text[])`);
  }
  if (filter.organizationIds?.exclude.length) {
    conditions.push(`NOT (o.id = ANY(${params.add(filter.organizationIds.exclude)}::text[]))`);
  }
  return conditions.length === 0 ? "true" : conditions.join(" AND ");
}

function membershipFilterSql(filter: MembershipFilter, params: SqlParams): string {
  const conditions = [userFilterSql(filter, params)];
  if (filter.roles?.length) conditions.push(`m.role = ANY(${params.add(filter.roles)}::text[])`);
  return conditions.join(" AND ");
}

const direction = (dir: "asc" | "desc") => (dir === "asc" ? "ASC" : "DESC");

/** The public and private metadata to store, as JSON text: `update` applied to the row's. */
function nextMetadataJson(
  current: Record<string, unknown>,
  update: { publicMetadata?: Metadata; privateMetadata?: Metadata },
  mode: "merge" | "replace",
): [string, string] {
  return [
    JSON.stringify(
      nextMetadata("public_metadata", current.public_metadata, update.publicMetadata, mode),
    ),
    JSON.stringify(
      nextMetadata("private_metadata", current.private_metadata, update.privateMetadata, mode),
    ),
  ];
}

/** The metadata to store: `value` merged into (or replacing) `current`, within the size limit. */
function nextMetadata(
  paramName: string,
  current: unknown,
  value: Metadata | undefined,
  mode: "merge" | "replace",
): Metadata {
  const existing = (current ?? {}) as Metadata;
  if (value === undefined) return existing;
  const next = mode === "replace" ? value : deepMergeMetadata(existing, value);
  checkMetadataSize(paramName, next);
  return next;
}

/** The organizations-and-memberships part of the SQL store. */
export function sqlOrganizationMethods({
  db,
  clock,
  ids,
  emit,
}: SqlStoreContext): OrganizationMethods {
  /** One transaction, with the organization tables' unique violations mapped to API errors. */
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    try {
      return await db.transaction(fn);
    } catch (error) {
      throw translateOrganizationConflict(error);
    }
  };

  const requireOrganization = async (q: Queryable, id: string): Promise<OrganizationRecord> => {
    const [org] = await loadOrganizations(q, [id], clock.now());
    if (org === undefined) {
      throw new ApiError("resource_not_found", {
        paramName: "organization_id",
        longMessage: "Given organization not found.",
      });
    }
    return org;
  };

  const emitOrganization = async (tx: Queryable, type: "created" | "updated", id: string) => {
    const org = await requireOrganization(tx, id);
    await emit(tx, { type: `organization.${type}`, organization: org });
    return org;
  };

  const emitMembership = async (
    tx: Queryable,
    type: "created" | "updated" | "deleted",
    membership: OrganizationMembershipRecord,
  ) => {
    await emit(tx, { type: `organizationMembership.${type}`, membership });
  };

  const lockMembership = async (tx: Queryable, organizationId: string, userId: string) => {
    const rows = await tx.query(
      "SELECT * FROM organization_memberships WHERE organization_id = $1 AND user_id = $2 FOR UPDATE",
      [organizationId, userId],
    );
    if (rows[0] === undefined) {
      throw new ApiError("resource_not_found", {
        paramName: "user_id",
        longMessage: "Given organization membership not found.",
      });
    }
    return rows[0];
  };

  const requireMembership = async (tx: Queryable, organizationId: string, userId: string) => {
    const membership = await loadMembership(tx, organizationId, userId, clock.now());
    if (membership === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
    return membership;
  };

  const insertMembership = async (
    tx: Queryable,
    organization: Row,
    input: { userId: string; role: string; publicMetadata: Metadata; privateMetadata: Metadata },
  ): Promise<OrganizationMembershipRecord> => {
    const now = clock.now();
    await tx.query(
      `INSERT INTO organization_memberships
         (id, organization_id, user_id, role, public_metadata, private_metadata, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $7)`,
      [
        ids("orgmem"),
        organization.id,
        input.userId,
        input.role,
        JSON.stringify(input.publicMetadata),
        JSON.stringify(input.privateMetadata),
        now,
      ],
    );
    const membership = await requireMembership(tx, String(organization.id), input.userId);
    await emitMembership(tx, "created", membership);
    return membership;
  };

  const createWithSlug = (
    input: Parameters<OrganizationMethods["createOrganization"]>[0],
    slug: string,
  ) =>
    transaction(async (tx) => {
      const now = clock.now();
      const createdBy = input.createdBy ?? null;
      if (createdBy !== null) {
        const found = await tx.query("SELECT 1 FROM users WHERE id = $1 FOR SHARE", [createdBy]);
        if (found.length === 0) {
          throw new ApiError("organization_creator_not_found", { paramName: "created_by" });
        }
      }
      const id = ids("org");
      const rows = await tx.query(
        `INSERT INTO organizations (id, name, slug, max_allowed_memberships, public_metadata,
           private_metadata, created_by, role_set_key, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10) RETURNING *`,
        [
          id,
          input.name,
          slug,
          input.maxAllowedMemberships ?? 0,
          JSON.stringify(input.publicMetadata ?? {}),
          JSON.stringify(input.privateMetadata ?? {}),
          createdBy,
          input.roleSetKey ?? null,
          input.createdAt ?? now,
          now,
        ],
      );
      await emitOrganization(tx, "created", id);
      if (createdBy !== null) {
        await insertMembership(tx, rows[0]!, {
          userId: createdBy,
          role: CREATOR_ROLE,
          publicMetadata: {},
          privateMetadata: {},
        });
      }
      return requireOrganization(tx, id);
    });

  return {
    async createOrganization(input) {
      if (input.slug != null) return createWithSlug(input, input.slug);
      // A derived slug that is taken gets a short random suffix instead of failing.
      const base = slugFromName(input.name);
      for (let attempt = 0; ; attempt++) {
        const slug = attempt === 0 ? base : `${base}-${randomBase62(6).toLowerCase()}`;
        try {
          return await createWithSlug(input, slug);
        } catch (error) {
          const slugTaken =
            isApiError(error, "form_identifier_exists") && error.paramName === "slug";
          if (!slugTaken || attempt >= 4) throw error;
        }
      }
    },

    getOrganization: (idOrSlug) => loadOrganization(db, idOrSlug, clock.now()),

    async listOrganizations(filter, page) {
      const params = new SqlParams();
      const where = organizationFilterSql(filter, params);
      const countRows = await db.query<{ total: number }>(
        `SELECT count(*) AS total FROM organizations o WHERE ${where}`,
        params.values,
      );
      const dir = direction(page.orderBy.direction);
      const rows = await db.query<{ id: string }>(
        `SELECT o.id FROM organizations o WHERE ${where}
         ORDER BY ${ORGANIZATION_ORDER[page.orderBy.field]} ${dir}, o.id ${dir}
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return {
        data: await loadOrganizations(
          db,
          rows.map((row) => row.id),
          clock.now(),
        ),
        totalCount: Number(countRows[0]?.total ?? 0),
      };
    },

    updateOrganization: (organizationId, patch) =>
      transaction(async (tx) => {
        await lockOrganization(tx, organizationId);
        const params = new SqlParams();
        const sets = [`updated_at = ${params.add(clock.now())}`];
        const columns = {
          name: "name",
          slug: "slug",
          maxAllowedMemberships: "max_allowed_memberships",
          adminDeleteEnabled: "admin_delete_enabled",
          roleSetKey: "role_set_key",
          createdAt: "created_at",
        } as const;
        for (const [key, column] of Object.entries(columns) as Array<
          [keyof typeof columns, string]
        >) {
          if (patch[key] !== undefined) sets.push(`${column} = ${params.add(patch[key])}`);
        }
        await tx.query(
          `UPDATE organizations SET ${sets.join(", ")} WHERE id = ${params.add(organizationId)}`,
          params.values,
        );
        return emitOrganization(tx, "updated", organizationId);
      }),

    setOrganizationMetadata: (organizationId, update: OrganizationMetadataUpdate, mode) =>
      transaction(async (tx) => {
        const current = await lockOrganization(tx, organizationId);
        await tx.query(
          `UPDATE organizations SET public_metadata = $2::jsonb, private_metadata = $3::jsonb,
             updated_at = $4 WHERE id = $1`,
          [organizationId, ...nextMetadataJson(current, update, mode), clock.now()],
        );
        return emitOrganization(tx, "updated", organizationId);
      }),

    deleteOrganization: (organizationId) =>
      transaction(async (tx) => {
        const [org] = await loadOrganizations(tx, [organizationId], clock.now());
        if (org === undefined) return null;
        const rows = await tx.query("DELETE FROM organizations WHERE id = $1 RETURNING id", [
          organizationId,
        ]);
        if (rows.length === 0) return null;
        await emit(tx, { type: "organization.deleted", organization: org });
        return org;
      }),

    createOrganizationMembership: (organizationId, input) =>
      transaction(async (tx) => {
        const organization = await lockOrganization(tx, organizationId);
        const role = requireOrganizationRole(input.role);
        await requireUserExists(tx, input.userId);
        if (await isMember(tx, organizationId, input.userId)) throw alreadyMember();
        await requireMembershipRoom(tx, organization, clock.now(), true);
        return insertMembership(tx, organization, {
          userId: input.userId,
          role: role.key,
          publicMetadata: input.publicMetadata ?? {},
          privateMetadata: input.privateMetadata ?? {},
        });
      }),

    getOrganizationMembership: (organizationId, userId) =>
      loadMembership(db, organizationId, userId, clock.now()),

    async listOrganizationMemberships(organizationId, filter, page) {
      await requireOrganization(db, organizationId);
      const params = new SqlParams();
      const from = `FROM organization_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ${params.add(organizationId)} AND ${membershipFilterSql(filter, params)}`;
      const countRows = await db.query<{ total: number }>(
        `SELECT count(*) AS total ${from}`,
        params.values,
      );
      const dir = direction(page.orderBy.direction);
      const rows = await db.query(
        `SELECT m.* ${from}
         ORDER BY ${MEMBERSHIP_ORDER[page.orderBy.field]} ${dir} NULLS LAST, m.id ${dir}
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return {
        data: await membershipsFromRows(db, rows, clock.now()),
        totalCount: Number(countRows[0]?.total ?? 0),
      };
    },

    async listUserOrganizationMemberships(userId, page) {
      await requireUserExists(db, userId);
      const countRows = await db.query<{ total: number }>(
        "SELECT count(*) AS total FROM organization_memberships WHERE user_id = $1",
        [userId],
      );
      const rows = await db.query(
        `SELECT * FROM organization_memberships WHERE user_id = $1
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, page.limit, page.offset],
      );
      return {
        data: await membershipsFromRows(db, rows, clock.now()),
        totalCount: Number(countRows[0]?.total ?? 0),
      };
    },

    updateOrganizationMembership: (organizationId, userId, patch) =>
      transaction(async (tx) => {
        await lockOrganization(tx, organizationId);
        await lockMembership(tx, organizationId, userId);
        const role = requireOrganizationRole(patch.role);
        await tx.query(
          `UPDATE organization_memberships SET role = $3, updated_at = $4
           WHERE organization_id = $1 AND user_id = $2`,
          [organizationId, userId, role.key, clock.now()],
        );
        const membership = await requireMembership(tx, organizationId, userId);
        await emitMembership(tx, "updated", membership);
        return membership;
      }),

    setOrganizationMembershipMetadata: (organizationId, userId, update, mode) =>
      transaction(async (tx) => {
        const current = await lockMembership(tx, organizationId, userId);
        await tx.query(
          `UPDATE organization_memberships SET public_metadata = $3::jsonb,
             private_metadata = $4::jsonb, updated_at = $5
           WHERE organization_id = $1 AND user_id = $2`,
          [organizationId, userId, ...nextMetadataJson(current, update, mode), clock.now()],
        );
        const membership = await requireMembership(tx, organizationId, userId);
        await emitMembership(tx, "updated", membership);
        return membership;
      }),

    deleteOrganizationMembership: (organizationId, userId) =>
      transaction(async (tx) => {
        await lockOrganization(tx, organizationId);
        const before = await requireMembership(tx, organizationId, userId);
        await tx.query(
          "DELETE FROM organization_memberships WHERE organization_id = $1 AND user_id = $2",
          [organizationId, userId],
        );
        // The organization as it is after the removal (members_count one lower).
        const removed = { ...before, organization: await requireOrganization(tx, organizationId) };
        await emitMembership(tx, "deleted", removed);
        return removed;
      }),
  };
}
