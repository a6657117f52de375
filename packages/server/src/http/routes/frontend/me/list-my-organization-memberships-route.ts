import { z } from "zod";
import { frontendOrganizationMembershipJson } from "../../../../wire/frontend-organization-membership-json.js";
import { defineRoute } from "../../../define-route.js";
import { listAnswer } from "../../../list-answer.js";
import { queryBoolean } from "../../../query-params.js";
import { limitParam, offsetParam, paging } from "../../organizations/list-params.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `GET /v1/me/organization_memberships`: the signed-in user's memberships, newest first; with
 * `paginated=true` (what Clerk's browser SDK sends) `{ data, total_count }`, else a bare array.
 *
 * @throws `signed_out` (401); `form_param_format_invalid` (422) for a bad limit/offset
 */
export const listMyOrganizationMembershipsRoute = defineRoute({
  method: "GET",
  path: "/v1/me/organization_memberships",
  auth: "client",
  query: z.object({ limit: limitParam(), offset: offsetParam(), paginated: queryBoolean() }),
  handler: async ({ query, auth, store, request, clock, imageBaseUrl }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const page = await store.listUserOrganizationMemberships(user.id, paging(query));
    const data = page.data.map((m) => frontendOrganizationMembershipJson(m, imageBaseUrl));
    return listAnswer(data, query.paginated, page.totalCount);
  },
});
