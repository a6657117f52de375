import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { prepareSignUpEmail } from "./prepare-sign-up-email.js";
import { requireOpenSignUp, requireOwnSignUp } from "./require-own-sign-up.js";

/**
 * `POST /v1/client/sign_ups/{sign_up_id}/prepare_verification` (`strategy=email_code`): emails a
 * new six-digit code (the previous one stops working).
 */
export const prepareSignUpVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ups/{sign_up_id}/prepare_verification",
  auth: "client",
  body: z.object({ strategy: z.string().optional() }),
  handler: async (context) => {
    const { body, params, store, auth } = context;
    const signUp = await requireOwnSignUp(store, auth, params.sign_up_id);
    requireOpenSignUp(signUp);
    if ((body.strategy ?? "email_code") !== "email_code") {
      throw new ApiError("form_param_value_invalid", { paramName: "strategy" });
    }
    const prepared = await prepareSignUpEmail(context, signUp);
    return frontendSignUpJson(prepared, signUpRequirements(prepared));
  },
});
