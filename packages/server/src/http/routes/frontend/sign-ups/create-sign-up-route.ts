import { completeSignUpIfReady } from "../../../../flows/sign-up/complete-sign-up.js";
import { signUpPatchFrom } from "../../../../flows/sign-up/sign-up-fields.js";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { checkNoActiveSession } from "../../../frontend-api/check-no-active-session.js";
import { checkAttemptRedirectUrls } from "../../../frontend-api/request-origin.js";
import { SIGN_UP_ABANDON_MS } from "../attempt-lifetimes.js";
import { startOAuthSignUp, transferToSignUp } from "../oauth/oauth-sign-up.js";
import { prepareSignUpEmail } from "./prepare-sign-up-email.js";
import { signUpBody } from "./sign-up-body.js";

/**
 * `POST /v1/client/sign_ups`: starts a sign-up on the requesting client (created when absent).
 * With `strategy=email_code` the email code is sent at once. Counted against the `sign_up` limits
 * (the caller's IP, the address) and, when a code is sent, the `verification_send` ones.
 *
 * Security note: a taken email address answers `form_identifier_exists` (reveals the account).
 */
export const createSignUpRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ups",
  auth: "client",
  body: signUpBody,
  rateLimits: [
    {
      class: "sign_up",
      identifier: ({ body, auth, frontend }) => {
        checkAttemptRedirectUrls(body, frontend.allowedOrigins);
        checkNoActiveSession(auth.client, { singleSessionMode: frontend.singleSessionMode });
        return body.email_address ?? null;
      },
    },
    {
      class: "verification_send",
      // Without an address no code is sent (the handler answers `form_param_missing`).
      identifier: ({ body }) =>
        body.strategy === "email_code" && body.email_address?.trim() ? body.email_address : false,
    },
  ],
  handler: async (context) => {
    const { body, store, clock, auth, frontend } = context;
    checkAttemptRedirectUrls(body, frontend.allowedOrigins);
    checkNoActiveSession(auth.client, { singleSessionMode: frontend.singleSessionMode });
    const patch = await signUpPatchFrom(store, body, clock.now());
    const json = (signUp: SignUpRecord) => frontendSignUpJson(signUp, signUpRequirements(signUp));
    if (body.transfer === true || body.transfer === "true") {
      return json(await transferToSignUp(context, patch));
    }
    if (body.strategy?.startsWith("oauth_")) {
      const redirect = {
        strategy: body.strategy,
        redirectUrl: body.redirect_url,
        ...(body.action_complete_redirect_url === undefined
          ? {}
          : { actionCompleteRedirectUrl: body.action_complete_redirect_url }),
      };
      return json(await startOAuthSignUp(context, redirect, patch));
    }
    const client = await auth.ensureClient();
    let signUp = await store.createSignUp({
      clientId: client.id,
      abandonAt: clock.now() + SIGN_UP_ABANDON_MS,
      patch,
    });
    await store.setClientAttempts(client.id, { signUpId: signUp.id });
    if (body.strategy === "email_code") signUp = await prepareSignUpEmail(context, signUp);
    const completed = await auth.signingIn((flow) => completeSignUpIfReady(flow, signUp));
    return frontendSignUpJson(completed.signUp, signUpRequirements(completed.signUp));
  },
});
