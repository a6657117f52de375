import { ApiError } from "../../../errors/api-error.js";
import { organizationInvitationJson } from "../../../wire/organization-invitation-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `GET /v1/organizations/{organization_id}/invitations/{invitation_id}`.
 *
 * @throws ApiError `resource_not_found`
 */
export const getOrganizationInvitationRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/invitations/{invitation_id}",
  auth: "secret_key",
  handler: async ({ params, store, baseUrl }) => {
    const invitation = await store.getOrganizationInvitation(
      params.organization_id,
      params.invitation_id,
    );
    if (invitation === null) {
      throw new ApiError("resource_not_found", { paramName: "invitation_id" });
    }
    return organizationInvitationJson(invitation, baseUrl);
  },
});
