import { z } from "zod";
import { checkPhoneNumber } from "../../../flows/identifiers/check-phone-number.js";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { phoneNumberJson } from "../../../wire/phone-number-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/phone_numbers`: adds a phone number to a user (E.164), verified when
 * `verified: true`; primary when asked or when first; `reserved_for_second_factor` needs it
 * verified and makes it the default second factor when there is none.
 */
export const createPhoneNumberRoute = defineRoute({
  method: "POST",
  path: "/v1/phone_numbers",
  auth: "secret_key",
  body: z.strictObject({
    user_id: z.string(),
    phone_number: z.string(),
    verified: z.boolean().nullable().optional(),
    primary: z.boolean().nullable().optional(),
    reserved_for_second_factor: z.boolean().nullable().optional(),
  }),
  handler: async ({ body, store }) => {
    const { identification: record } = await changeIdentification(store, (tx) =>
      tx.addPhoneNumber(body.user_id, {
        phoneNumber: checkPhoneNumber(body.phone_number),
        status: body.verified === true ? "verified" : "unverified",
        primary: body.primary === true,
        reservedForSecondFactor: body.reserved_for_second_factor === true,
      }),
    );
    return phoneNumberJson(record);
  },
});
