import { frontendOrganizationJson } from "../../../../wire/frontend-organization-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOrganizationMember } from "./require-organization-member.js";

/**
 * `GET /v1/organizations/{organization_id}` (Frontend API): an organization the signed-in user is
 * a member of (by id or slug).
 *
 * @throws `signed_out` (401); `resource_not_found` (404) also for non-members
 */
export const getOrganizationRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const membership = await requireOrganizationMember(store, params.organization_id, user.id);
    return frontendOrganizationJson(membership.organization);
  },
});
