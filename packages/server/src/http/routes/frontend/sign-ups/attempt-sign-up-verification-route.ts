import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { completeSignUpIfReady } from "../../../../flows/sign-up/complete-sign-up.js";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { attemptEmailCode } from "../../../frontend-api/email-codes.js";
import { requireOpenSignUp, requireOwnSignUp } from "./require-own-sign-up.js";

/**
 * `POST /v1/client/sign_ups/{sign_up_id}/attempt_verification` (`strategy=email_code`, `code`):
 * verifies the email address; when nothing else is missing the user and a session are created
 * and the answer sets `__client`, `__session` and `__client_uat`.
 */
export const attemptSignUpVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ups/{sign_up_id}/attempt_verification",
  auth: "client",
  body: z.object({ strategy: z.string().optional(), code: z.string() }),
  handler: async (context) => {
    const { body, params, store, clock, auth } = context;
    let signUp = await requireOwnSignUp(store, auth, params.sign_up_id);
    requireOpenSignUp(signUp);
    if ((body.strategy ?? "email_code") !== "email_code") {
      throw new ApiError("form_param_value_invalid", { paramName: "strategy" });
    }
    const attempt = await attemptEmailCode(context, signUp.emailAddress, {
      purpose: "sign_up",
      subjectId: signUp.id,
      code: body.code,
      current: signUp.emailVerification,
    });
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
