import type { AnyRoute } from "../../../define-route.js";
import { attemptSignUpVerificationRoute } from "./attempt-sign-up-verification-route.js";
import { createSignUpRoute } from "./create-sign-up-route.js";
import { getSignUpRoute } from "./get-sign-up-route.js";
import { prepareSignUpVerificationRoute } from "./prepare-sign-up-verification-route.js";
import { updateSignUpRoute } from "./update-sign-up-route.js";

/** The `/v1/client/sign_ups` routes of the Frontend API. */
export const signUpsRoutes: readonly AnyRoute[] = [
  createSignUpRoute,
  getSignUpRoute,
  updateSignUpRoute,
  prepareSignUpVerificationRoute,
  attemptSignUpVerificationRoute,
];
