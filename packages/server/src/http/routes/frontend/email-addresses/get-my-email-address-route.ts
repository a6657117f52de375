import { emailAddressJson } from "../../../../wire/email-address-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOwnEmailAddress } from "./require-own-email-address.js";

/**
 * `GET /v1/me/email_addresses/{email_id}`: one of the signed-in user's email addresses.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) for an id not of this user
 */
export const getMyEmailAddressRoute = defineRoute({
  method: "GET",
  path: "/v1/me/email_addresses/{email_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    return emailAddressJson(await requireOwnEmailAddress(store, user.id, params.email_id));
  },
});
