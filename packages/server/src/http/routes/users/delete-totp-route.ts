import { updateUser } from "../../../flows/users/update-user.js";
import { type AnyRoute, defineRoute } from "../../define-route.js";

function disableTotpRoute(path: "/v1/users/{user_id}/totp" | "/v1/users/{user_id}/mfa"): AnyRoute {
  return defineRoute({
    method: "DELETE",
    path,
    auth: "secret_key",
    handler: async ({ params, store }) => {
      await updateUser(store, params.user_id, { totpSecret: null });
      return { user_id: params.user_id };
    },
  });
}

/** `DELETE /v1/users/{user_id}/totp`: removes the user's TOTP; answers `{ user_id }`. */
export const deleteTotpRoute = disableTotpRoute("/v1/users/{user_id}/totp");
/** `DELETE /v1/users/{user_id}/mfa`: disables every MFA method (here: TOTP); answers `{ user_id }`. */
export const disableMfaRoute = disableTotpRoute("/v1/users/{user_id}/mfa");
