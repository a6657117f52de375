import { ApiError } from "../../errors/api-error.js";
import type { InvitationOrderField, InvitationStore } from "../invitation-store.js";
import type {
  InvitationStatus,
  OrganizationInvitationOrderField,
  OrganizationStore,
} from "../organization-store.js";
import { invitationFromRow } from "./invitation-rows.js";
import {
  effectiveStatusSql,
  invitationsFromRows,
  loadOrganizationInvitation,
  loadOrganizations,
  requireUser,
} from "./load-organizations.js";
import { likePattern, SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type InvitationMethods = Pick<
  OrganizationStore,
  "getOrganizationInvitation" | "listOrganizationInvitations" | "listUserOrganizationInvitations"
> &
  InvitationStore;

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

/** The invitation reads of the SQL store (changes go through `transaction`). */
export function sqlInvitationMethods({ db, clock }: SqlStoreContext): InvitationMethods {
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
      await requireUser(db, userId);
      const params = new SqlParams();
      const where = `lower(i.email_address) IN (SELECT lower(e.email_address) FROM email_addresses e
          WHERE e.user_id = ${params.add(userId)}) AND ${statusCondition(filter.statuses, params)}`;
      return pageOfOrganizationInvitations(where, params, "i.created_at DESC, i.id DESC", page);
    },

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
  };
}
