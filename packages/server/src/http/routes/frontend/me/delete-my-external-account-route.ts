import { unlinkProviderAccount } from "../../../../flows/oauth/unlink-provider-account.js";
import { deletedObjectJson } from "../../../../wire/deleted-object-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `DELETE /v1/me/external_accounts/{external_account_id}`: unlinks one of the signed-in user's
 * provider accounts (`<UserProfile/>`'s connected accounts), raising `user.updated`; answers
 * `{ object: "external_account", id, deleted: true }`.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) for an account not of this user
 */
export const deleteMyExternalAccountRoute = defineRoute({
  method: "DELETE",
  path: "/v1/me/external_accounts/{external_account_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const { externalAccount } = await unlinkProviderAccount(
      store,
      user.id,
      params.external_account_id,
    );
    return deletedObjectJson("external_account", externalAccount.id);
  },
});
