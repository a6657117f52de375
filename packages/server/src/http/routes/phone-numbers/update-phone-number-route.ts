import { z } from "zod";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { phoneNumberJson } from "../../../wire/phone-number-json.js";
import { defineRoute } from "../../define-route.js";

/** `PATCH /v1/phone_numbers/{phone_number_id}`: verified, primary, reserved for second factor. */
export const updatePhoneNumberRoute = defineRoute({
  method: "PATCH",
  path: "/v1/phone_numbers/{phone_number_id}",
  auth: "secret_key",
  body: z.strictObject({
    verified: z.boolean().nullable().optional(),
    primary: z.boolean().nullable().optional(),
    reserved_for_second_factor: z.boolean().nullable().optional(),
  }),
  handler: async ({ body, params, store }) => {
    const { identification: record } = await changeIdentification(store, (tx) =>
      tx.updatePhoneNumber(params.phone_number_id, {
        ...(body.verified == null ? {} : { verified: body.verified }),
        ...(body.primary === true ? { primary: true } : {}),
        ...(body.reserved_for_second_factor == null
          ? {}
          : { reservedForSecondFactor: body.reserved_for_second_factor }),
      }),
    );
    return phoneNumberJson(record);
  },
});
