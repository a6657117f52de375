import { emailAddressJson } from "../../../../wire/email-address-json.js";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";

/**
 * `GET /v1/me/email_addresses`: every email address of the signed-in user, verified or not, in
 * the order the user's JSON lists them: a bare JSON array (the spec's `Server.UserEmailAddresses`),
 * without the `{ response, client }` envelope.
 *
 * @throws `signed_out` (401), `session_not_active` (401)
 */
export const listMyEmailAddressesRoute = defineRoute({
  method: "GET",
  path: "/v1/me/email_addresses",
  auth: "client",
  handler: async ({ auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    return jsonResponse(user.emailAddresses.map(emailAddressJson));
  },
});
