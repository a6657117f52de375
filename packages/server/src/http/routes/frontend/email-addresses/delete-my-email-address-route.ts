import { removeEmailAddress } from "../../../../flows/users/remove-email-address.js";
import { deletedObjectJson } from "../../../../wire/deleted-object-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOwnEmailAddress } from "./require-own-email-address.js";

/**
 * `DELETE /v1/me/email_addresses/{email_id}`: removes one of the signed-in user's email addresses
 * (not the primary one), raising `user.updated`; answers
 * `{ object: "email_address", id, deleted: true }`.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) for an id not of this user;
 *   `primary_identification_deletion_forbidden` (409) for the primary address
 */
export const deleteMyEmailAddressRoute = defineRoute({
  method: "DELETE",
  path: "/v1/me/email_addresses/{email_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
    const removed = await removeEmailAddress(store, user.id, emailAddress.id);
    return deletedObjectJson("email_address", removed.id);
  },
});
