import { revokeInvitation } from "../../../flows/invitations/revoke-invitation.js";
import { invitationJson } from "../../../wire/invitation-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/invitations/{invitation_id}/revoke`.
 *
 * @throws ApiError `resource_not_found`, `invitation_already_revoked`,
 *   `invitation_already_accepted`
 */
export const revokeInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/invitations/{invitation_id}/revoke",
  auth: "secret_key",
  handler: async ({ params, store }) =>
    invitationJson((await revokeInvitation(store, params.invitation_id)).invitation),
});
