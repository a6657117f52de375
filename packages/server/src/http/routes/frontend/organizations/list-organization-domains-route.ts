import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { queryText } from "../../../query-params.js";
import { limitParam, offsetParam } from "../../organizations/list-params.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `GET /v1/organizations/{organization_id}/domains` (Frontend API): the organization's verified
 * domains, for members with `org:sys_domains:read`. The instance has no organization domains
 * (the environment says `domains.enabled: false`), so the list is empty: `{ data: [],
 * total_count: 0 }` — what `<OrganizationProfile/>` reads.
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found` (404)
 */
export const listOrganizationDomainsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/domains",
  auth: "client",
  query: z.object({
    limit: limitParam(),
    offset: offsetParam(),
    enrollment_mode: queryText(),
  }),
  handler: async ({ params, auth, store, request, clock }) => {
    await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_domains:read",
    );
    return { data: [], total_count: 0 };
  },
});
