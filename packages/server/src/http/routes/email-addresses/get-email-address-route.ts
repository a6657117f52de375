import { ApiError } from "../../../errors/api-error.js";
import { emailAddressJson } from "../../../wire/email-address-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/email_addresses/{email_address_id}`. */
export const getEmailAddressRoute = defineRoute({
  method: "GET",
  path: "/v1/email_addresses/{email_address_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const record = await store.getEmailAddress(params.email_address_id);
    if (record === null) {
      throw new ApiError("resource_not_found", { paramName: "email_address_id" });
    }
    return emailAddressJson(record);
  },
});
