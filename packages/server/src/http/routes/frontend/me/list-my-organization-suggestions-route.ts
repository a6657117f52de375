import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { queryList } from "../../../query-params.js";
import { limitParam, offsetParam } from "../../organizations/list-params.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `GET /v1/me/organization_suggestions`: organizations the signed-in user could join through a
 * verified email domain. The instance has no organization domains, so the list is always empty:
 * `{ data: [], total_count: 0 }` (what `<OrganizationSwitcher/>` and `<OrganizationList/>` read).
 *
 * @throws `signed_out` (401), `session_not_active` (401); `form_param_format_invalid` (422)
 */
export const listMyOrganizationSuggestionsRoute = defineRoute({
  method: "GET",
  path: "/v1/me/organization_suggestions",
  auth: "client",
  query: z.object({ limit: limitParam(), offset: offsetParam(), status: queryList() }),
  handler: async ({ auth, store, request, clock }) => {
    await requireSignedInUser({ auth, store, request, now: clock.now() });
    return { data: [], total_count: 0 };
  },
});
