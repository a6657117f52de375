import { z } from "zod";
import { checkEmailAddress } from "../../../../flows/identifiers/check-email-address.js";
import { changeIdentification } from "../../../../flows/users/change-user.js";
import { emailAddressJson } from "../../../../wire/email-address-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";

/**
 * `POST /v1/me/email_addresses` (`email_address`): adds an unverified email address to the
 * signed-in user (`<UserProfile/>`'s "Add email address"), raising `user.updated`; it is then
 * verified with `prepare_verification` and `attempt_verification`. An address already taken by
 * any user is refused, as in the Backend API.
 *
 * @throws `signed_out` (401); `form_param_format_invalid` (422, `email_address`);
 *   `form_identifier_exists` (422) when the address is taken
 */
export const createMyEmailAddressRoute = defineRoute({
  method: "POST",
  path: "/v1/me/email_addresses",
  auth: "client",
  body: z.object({ email_address: z.string() }),
  handler: async ({ body, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const emailAddress = checkEmailAddress(body.email_address);
    const { identification } = await changeIdentification(store, (tx) =>
      tx.addEmailAddress(user.id, { emailAddress, status: "unverified" }),
    );
    return emailAddressJson(identification);
  },
});
