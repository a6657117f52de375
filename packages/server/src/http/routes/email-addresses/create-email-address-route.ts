import { z } from "zod";
import { checkEmailAddress } from "../../../flows/identifiers/check-email-address.js";
import { changeIdentification } from "../../../flows/users/change-user.js";
import { emailAddressJson } from "../../../wire/email-address-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/email_addresses`: adds an email address to a user, verified when `verified: true`.
 * It becomes primary when asked to, or when it is the user's first.
 */
export const createEmailAddressRoute = defineRoute({
  method: "POST",
  path: "/v1/email_addresses",
  auth: "secret_key",
  body: z.strictObject({
    user_id: z.string(),
    email_address: z.string(),
    verified: z.boolean().nullable().optional(),
    primary: z.boolean().nullable().optional(),
    notify_primary_email_address_changed: z.boolean().nullable().optional(),
  }),
  handler: async ({ body, store }) => {
    const { identification: record } = await changeIdentification(store, (tx) =>
      tx.addEmailAddress(body.user_id, {
        emailAddress: checkEmailAddress(body.email_address),
        status: body.verified === true ? "verified" : "unverified",
        primary: body.primary === true,
      }),
    );
    return emailAddressJson(record);
  },
});
