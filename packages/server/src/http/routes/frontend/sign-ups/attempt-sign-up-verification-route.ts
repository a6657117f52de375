import { z } from "zod";
import { completeSignUpIfReady } from "../../../../flows/sign-up/complete-sign-up.js";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { attemptVerificationCode } from "../../../../flows/verification-codes/attempt-verification-code.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireEmailCodeStrategy } from "./require-email-code-strategy.js";
import { requireOpenOwnSignUp } from "./require-own-sign-up.js";

/**
 * `POST /v1/client/sign_ups/{sign_up_id}/attempt_verification` (`strategy=email_code`, `code`):
 * verifies the email address; when nothing else is missing the user and a session are created
 * and the answer sets `__client`, `__session` and `__client_uat`. Counted against the
 * `verification_attempt` limits (the caller's IP, the address).
 */
export const attemptSignUpVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ups/{sign_up_id}/attempt_verification",
  auth: "client",
  body: z.object({ strategy: z.string().optional(), code: z.string() }),
  load: async ({ body, params, store, auth }) => {
    const signUp = await requireOpenOwnSignUp(store, auth, params.sign_up_id);
    requireEmailCodeStrategy(body.strategy);
    return signUp;
  },
  rateLimits: [{ class: "verification_attempt", identifier: ({ loaded }) => loaded.emailAddress }],
  handler: async (context) => {
    const { body, store, clock, auth, frontend } = context;
    let signUp = context.loaded;
    const attempt = await attemptVerificationCode(
      { store, codes: frontend },
      {
        purpose: "sign_up",
        subjectId: signUp.id,
        code: body.code,
        current: signUp.emailVerification,
      },
    );
    if (attempt.result.outcome !== "missing") {
      signUp = await store.updateSignUp(signUp.id, {
        emailVerification: attempt.verification,
        ...(attempt.error === null ? { emailVerifiedAt: clock.now() } : {}),
      });
    }
    if (attempt.error !== null) throw attempt.error;
    const completed = await auth.signingIn((flow) => completeSignUpIfReady(flow, signUp));
    return frontendSignUpJson(completed.signUp, signUpRequirements(completed.signUp));
  },
});
