import { z } from "zod";
import { prepareEmailAddressVerification } from "../../../../flows/users/prepare-email-address-verification.js";
import { emailAddressJson } from "../../../../wire/email-address-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireEmailCodeStrategy } from "../sign-ups/require-email-code-strategy.js";
import { requireOwnEmailAddress } from "./require-own-email-address.js";

/**
 * `POST /v1/me/email_addresses/{email_id}/prepare_verification` (`strategy=email_code`): mails a
 * new six-digit code to one of the signed-in user's unverified addresses (the previous one stops
 * working; `424242` for a `+clerk_test` address of a development instance, as in sign-up),
 * counted against the `verification_send` limits (the caller's IP, the address). Answers the
 * address with its pending `email_code` verification.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) for an id not of this user;
 *   `form_param_value_invalid` (422, `strategy`) for a strategy other than `email_code`;
 *   `verification_already_verified` (400) for a verified address
 */
export const prepareMyEmailAddressVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/me/email_addresses/{email_id}/prepare_verification",
  auth: "client",
  body: z.object({
    strategy: z.string().optional(),
    redirect_url: z.string().nullable().optional(),
    action_complete_redirect_url: z.string().nullable().optional(),
  }),
  rateLimits: [
    {
      class: "verification_send",
      identifier: async ({ body, params, auth, store, request, clock }) => {
        const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
        const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
        requireEmailCodeStrategy(body.strategy);
        return emailAddress.emailAddress;
      },
    },
  ],
  handler: async ({ body, params, auth, store, request, clock, frontend }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
    requireEmailCodeStrategy(body.strategy);
    const pending = await prepareEmailAddressVerification(
      { store, clock, codes: frontend },
      emailAddress,
    );
    return emailAddressJson(pending);
  },
});
