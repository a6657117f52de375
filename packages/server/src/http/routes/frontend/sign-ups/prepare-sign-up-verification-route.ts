import { z } from "zod";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { prepareSignUpEmail } from "./prepare-sign-up-email.js";
import { requireEmailCodeStrategy } from "./require-email-code-strategy.js";
import { requireOpenOwnSignUp } from "./require-own-sign-up.js";

/**
 * `POST /v1/client/sign_ups/{sign_up_id}/prepare_verification` (`strategy=email_code`): emails a
 * new six-digit code (the previous one stops working), counted against the `verification_send`
 * limits (the caller's IP, the address).
 */
export const prepareSignUpVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ups/{sign_up_id}/prepare_verification",
  auth: "client",
  body: z.object({ strategy: z.string().optional() }),
  load: async ({ body, params, store, auth }) => {
    const signUp = await requireOpenOwnSignUp(store, auth, params.sign_up_id);
    requireEmailCodeStrategy(body.strategy);
    return signUp;
  },
  rateLimits: [
    {
      class: "verification_send",
      // Without an address no code is sent (the handler answers `form_param_missing`).
      identifier: ({ loaded }) => loaded.emailAddress ?? false,
    },
  ],
  handler: async (context) => {
    const prepared = await prepareSignUpEmail(context, context.loaded);
    return frontendSignUpJson(prepared, signUpRequirements(prepared));
  },
});
