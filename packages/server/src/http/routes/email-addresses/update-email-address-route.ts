import { z } from "zod";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { emailAddressJson } from "../../../wire/email-address-json.js";
import { defineRoute } from "../../define-route.js";

/** `PATCH /v1/email_addresses/{email_address_id}`: marks it (un)verified and/or primary. */
export const updateEmailAddressRoute = defineRoute({
  method: "PATCH",
  path: "/v1/email_addresses/{email_address_id}",
  auth: "secret_key",
  body: z.strictObject({
    verified: z.boolean().nullable().optional(),
    primary: z.boolean().nullable().optional(),
    notify_primary_email_address_changed: z.boolean().nullable().optional(),
  }),
  handler: async ({ body, params, store }) => {
    const { identification: record } = await changeIdentification(store, (tx) =>
      tx.updateEmailAddress(params.email_address_id, {
        ...(body.verified == null ? {} : { verified: body.verified }),
        ...(body.primary === true ? { primary: true } : {}),
      }),
    );
    return emailAddressJson(record);
  },
});
