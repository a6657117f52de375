import { completeSignUpIfReady } from "../../../../flows/sign-up/complete-sign-up.js";
import { signUpPatchFrom } from "../../../../flows/sign-up/sign-up-fields.js";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { checkRedirectUrl } from "../../../frontend-api/request-origin.js";
import { prepareSignUpEmail } from "./prepare-sign-up-email.js";
import { requireOpenOwnSignUp } from "./require-own-sign-up.js";
import { signUpBody } from "./sign-up-body.js";

/**
 * `PATCH /v1/client/sign_ups/{sign_up_id}`: adds or changes fields (a new email address must be
 * verified again). Completes the sign-up when that was the last requirement. Counted against the
 * `sign_up` limits (the caller's IP, the address) and, when a code is sent, the
 * `verification_send` ones.
 */
export const updateSignUpRoute = defineRoute({
  method: "PATCH",
  path: "/v1/client/sign_ups/{sign_up_id}",
  auth: "client",
  body: signUpBody,
  load: async ({ body, params, store, auth, frontend }) => {
    const signUp = await requireOpenOwnSignUp(store, auth, params.sign_up_id);
    checkRedirectUrl(body.redirect_url, frontend.allowedOrigins);
    return signUp;
  },
  rateLimits: [
    {
      class: "sign_up",
      identifier: ({ body, loaded }) => body.email_address ?? loaded.emailAddress,
    },
    {
      class: "verification_send",
      identifier: ({ body, loaded }) => {
        if (body.strategy !== "email_code") return false;
        // The address the code goes to: the new one, else the sign-up's (none: no code is sent).
        return (body.email_address?.trim() ? body.email_address : loaded.emailAddress) ?? false;
      },
    },
  ],
  handler: async (context) => {
    const { body, store, clock, auth } = context;
    let signUp = context.loaded;
    const patch = await signUpPatchFrom(store, body, clock.now());
    if (
      patch.emailAddress !== undefined &&
      patch.emailAddress?.toLowerCase() === signUp.emailAddress?.toLowerCase()
    ) {
      // Same address again: keep its verification.
      delete patch.emailAddress;
      delete patch.emailVerifiedAt;
      delete patch.emailVerification;
    }
    signUp = await store.updateSignUp(signUp.id, patch);
    if (body.strategy === "email_code") signUp = await prepareSignUpEmail(context, signUp);
    const completed = await auth.signingIn((flow) => completeSignUpIfReady(flow, signUp));
    return frontendSignUpJson(completed.signUp, signUpRequirements(completed.signUp));
  },
});
