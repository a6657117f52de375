import type { Queryable } from "../database.js";
import { organizationNotFound } from "../organization-errors.js";
import type {
  MembershipFilter,
  MembershipOrderField,
  OrganizationFilter,
  OrganizationOrderField,
  OrganizationRecord,
  OrganizationStore,
} from "../organization-store.js";
import {
  loadMembership,
  loadOrganization,
  loadOrganizations,
  membershipsFromRows,
  requireUser,
} from "./load-organizations.js";
import { likePattern, SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { userFilterSql } from "./user-filter-sql.js";

type OrganizationMethods = Pick<
  OrganizationStore,
  | "getOrganization"
  | "listOrganizations"
  | "getOrganizationMembership"
  | "listOrganizationMemberships"
  | "listUserOrganizationMemberships"
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

/** The organization-and-membership reads of the SQL store (changes go through `transaction`). */
export function sqlOrganizationMethods({ db, clock }: SqlStoreContext): OrganizationMethods {
  const requireOrganization = async (q: Queryable, id: string): Promise<OrganizationRecord> => {
    const [org] = await loadOrganizations(q, [id], clock.now());
    if (org === undefined) throw organizationNotFound();
    return org;
  };

  return {
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
      await requireUser(db, userId);
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
  };
}
