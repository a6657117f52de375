import { ApiError } from "../../../errors/api-error.js";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `DELETE /v1/phone_numbers/{phone_number_id}`: the deleted object. A primary number cannot be
 * deleted while the user has others (409 `primary_identification_deletion_forbidden`).
 */
export const deletePhoneNumberRoute = defineRoute({
  method: "DELETE",
  path: "/v1/phone_numbers/{phone_number_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const { identification: deleted } = await changeIdentification(store, (tx) =>
      tx.deletePhoneNumber(params.phone_number_id),
    );
    if (deleted === null) {
      throw new ApiError("resource_not_found", { paramName: "phone_number_id" });
    }
    return deletedObjectJson("phone_number", deleted.id);
  },
});
