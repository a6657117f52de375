import { z } from "zod";
import { updateOrganizationMembership } from "../../../flows/organizations/update-organization-membership.js";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `PATCH /v1/organizations/{organization_id}/memberships/{user_id}`: changes the member's role.
 * Demoting the last admin is allowed (the spec sets no rule against it).
 *
 * @throws ApiError `resource_not_found` (organization, membership or role)
 */
export const updateOrganizationMembershipRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}/memberships/{user_id}",
  auth: "secret_key",
  body: z.strictObject({ role: z.string().min(1) }),
  handler: async ({ params, body, store, baseUrl }) =>
    organizationMembershipJson(
      (
        await updateOrganizationMembership(store, params.organization_id, params.user_id, {
          role: body.role,
        })
      ).membership,
      baseUrl,
    ),
});
