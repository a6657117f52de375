import { z } from "zod";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import { defineRoute } from "../../../define-route.js";
import { listAnswer } from "../../../list-answer.js";
import { queryBoolean } from "../../../query-params.js";
import {
  invitationStatusSchema,
  limitParam,
  offsetParam,
  paging,
} from "../../organizations/list-params.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `GET /v1/organizations/{organization_id}/invitations` (Frontend API): the organization's
 * invitations, newest first, optionally by `status`; needs `org:sys_memberships:manage`
 * (admins). `{ data, total_count }` with `paginated=true`, else a bare array.
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found` (404)
 */
export const listOrganizationInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/invitations",
  auth: "client",
  query: z.object({
    limit: limitParam(),
    offset: offsetParam(),
    paginated: queryBoolean(),
    status: z.preprocess((v) => (v === "" ? undefined : v), invitationStatusSchema().optional()),
  }),
  handler: async ({ params, query, auth, store, request, clock }) => {
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:manage",
    );
    const page = await store.listOrganizationInvitations(
      membership.organizationId,
      query.status === undefined ? {} : { statuses: [query.status] },
      { ...paging(query), orderBy: { field: "created_at", direction: "desc" } },
    );
    const data = page.data.map((invitation) => frontendOrganizationInvitationJson(invitation));
    return listAnswer(data, query.paginated, page.totalCount);
  },
});
