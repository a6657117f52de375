import { ApiError } from "../../../errors/api-error.js";
import { phoneNumberJson } from "../../../wire/phone-number-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/phone_numbers/{phone_number_id}`. */
export const getPhoneNumberRoute = defineRoute({
  method: "GET",
  path: "/v1/phone_numbers/{phone_number_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const record = await store.getPhoneNumber(params.phone_number_id);
    if (record === null) {
      throw new ApiError("resource_not_found", { paramName: "phone_number_id" });
    }
    return phoneNumberJson(record);
  },
});
