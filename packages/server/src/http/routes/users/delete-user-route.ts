import { ApiError } from "../../../errors/api-error.js";
import { deleteUser } from "../../../flows/users/delete-user.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";

/** `DELETE /v1/users/{user_id}`: `{ object: "user", id, deleted: true }`. */
export const deleteUserRoute = defineRoute({
  method: "DELETE",
  path: "/v1/users/{user_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    if ((await deleteUser(store, params.user_id)).deleted === null) {
      throw new ApiError("resource_not_found", { paramName: "user_id" });
    }
    return deletedObjectJson("user", params.user_id);
  },
});
