import { ApiError } from "../../../../errors/api-error.js";
import { deleteUser } from "../../../../flows/users/delete-user.js";
import { deletedObjectJson } from "../../../../wire/deleted-object-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `DELETE /v1/me`: deletes the signed-in user when their `delete_self_enabled` allows it. Their
 * sessions go with them; the answer clears `__session` and sets `__client_uat=0`.
 *
 * @throws `signed_out` (401); `not_allowed_access` (403) when self-deletion is disabled
 */
export const deleteMeRoute = defineRoute({
  method: "DELETE",
  path: "/v1/me",
  auth: "client",
  handler: async ({ auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    if (!user.deleteSelfEnabled) {
      throw new ApiError("not_allowed_access", {
        longMessage: "Deleting your own account is not allowed.",
      });
    }
    if ((await deleteUser(store, user.id)).deleted === null) {
      throw new ApiError("resource_not_found", { paramName: "user_id" });
    }
    auth.signedOut();
    return deletedObjectJson("user", user.id);
  },
});
