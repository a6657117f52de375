import { unlinkProviderAccount } from "../../../flows/oauth/unlink-provider-account.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";
import { requireUser } from "./user-answer.js";

/**
 * `DELETE /v1/users/{user_id}/external_accounts/{external_account_id}`: unlinks a user's
 * provider account, raising `user.updated`; answers `{ object: "external_account", id, deleted }`.
 *
 * @throws `resource_not_found` (404, `user_id` or `external_account_id`)
 */
export const deleteExternalAccountRoute = defineRoute({
  method: "DELETE",
  path: "/v1/users/{user_id}/external_accounts/{external_account_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const user = await requireUser(store, params.user_id);
    const { externalAccount } = await unlinkProviderAccount(
      store,
      user.id,
      params.external_account_id,
    );
    return deletedObjectJson("external_account", externalAccount.id);
  },
});
