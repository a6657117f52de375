import { signUpRequirements } from "../../../../flows/sign-up/sign-up-requirements.js";
import { frontendSignUpJson } from "../../../../wire/frontend-sign-up-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireOwnSignUp } from "./require-own-sign-up.js";

/** `GET /v1/client/sign_ups/{sign_up_id}`: a sign-up of the requesting client. */
export const getSignUpRoute = defineRoute({
  method: "GET",
  path: "/v1/client/sign_ups/{sign_up_id}",
  auth: "client",
  handler: async ({ params, store, auth }) => {
    const signUp = await requireOwnSignUp(store, auth, params.sign_up_id);
    return frontendSignUpJson(signUp, signUpRequirements(signUp));
  },
});
