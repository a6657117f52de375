import { ApiError } from "../../../errors/api-error.js";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `DELETE /v1/email_addresses/{email_address_id}`: the deleted object. A primary address cannot
 * be deleted while the user has others (409 `primary_identification_deletion_forbidden`).
 */
export const deleteEmailAddressRoute = defineRoute({
  method: "DELETE",
  path: "/v1/email_addresses/{email_address_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const { identification: deleted } = await changeIdentification(store, (tx) =>
      tx.deleteEmailAddress(params.email_address_id),
    );
    if (deleted === null) {
      throw new ApiError("resource_not_found", { paramName: "email_address_id" });
    }
    return deletedObjectJson("email_address", deleted.id);
  },
});
