import { z } from "zod";
import { attemptEmailAddressVerification } from "../../../../flows/users/attempt-email-address-verification.js";
import { emailAddressJson } from "../../../../wire/email-address-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOwnEmailAddress } from "./require-own-email-address.js";

/**
 * `POST /v1/me/email_addresses/{email_id}/attempt_verification` (`code`): verifies one of the
 * signed-in user's addresses with the code `prepare_verification` mailed, raising `user.updated`;
 * answers the verified address. Counted against the `verification_attempt` limits (the caller's
 * IP, the address); each code allows as many wrong tries as a sign-up's.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) for an id not of this user;
 *   `form_code_incorrect` (422), `verification_failed`, `verification_expired`,
 *   `verification_missing`, `verification_already_verified`
 */
export const attemptMyEmailAddressVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/me/email_addresses/{email_id}/attempt_verification",
  auth: "client",
  body: z.object({ code: z.string(), strategy: z.string().optional() }),
  rateLimits: [
    {
      class: "verification_attempt",
      identifier: async ({ params, auth, store, request, clock }) => {
        const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
        const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
        return emailAddress.emailAddress;
      },
    },
  ],
  handler: async ({ body, params, auth, store, request, clock, frontend }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
    const verified = await attemptEmailAddressVerification(
      { store, codes: frontend },
      emailAddress,
      body.code,
    );
    return emailAddressJson(verified);
  },
});
