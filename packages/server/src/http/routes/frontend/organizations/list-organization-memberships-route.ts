import { z } from "zod";
import type { MembershipFilter } from "../../../../store/organization-store.js";
import { frontendOrganizationMembershipJson } from "../../../../wire/frontend-organization-membership-json.js";
import { defineRoute } from "../../../define-route.js";
import { listAnswer } from "../../../list-answer.js";
import { queryBoolean, queryList, queryText } from "../../../query-params.js";
import { limitParam, offsetParam, paging } from "../../organizations/list-params.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `GET /v1/organizations/{organization_id}/memberships` (Frontend API): the organization's
 * members, newest first, optionally by `role` or a partial `query`; members need
 * `org:sys_memberships:read` (every default role has it). `{ data, total_count }` with
 * `paginated=true`, else a bare array.
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found` (404)
 */
export const listOrganizationMembershipsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/memberships",
  auth: "client",
  query: z.object({
    limit: limitParam(),
    offset: offsetParam(),
    paginated: queryBoolean(),
    role: queryList(),
    query: queryText(),
  }),
  handler: async ({ params, query, auth, store, request, clock, imageBaseUrl }) => {
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:read",
    );
    const filter: MembershipFilter = {
      ...(query.role?.length ? { roles: query.role } : {}),
      ...(query.query ? { query: query.query } : {}),
    };
    const page = await store.listOrganizationMemberships(membership.organizationId, filter, {
      ...paging(query),
      orderBy: { field: "created_at", direction: "desc" },
    });
    const data = page.data.map((m) => frontendOrganizationMembershipJson(m, imageBaseUrl));
    return listAnswer(data, query.paginated, page.totalCount);
  },
});
