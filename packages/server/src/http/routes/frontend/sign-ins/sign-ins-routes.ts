import type { AnyRoute } from "../../../define-route.js";
import { attemptFirstFactorRoute } from "./attempt-first-factor-route.js";
import { attemptSecondFactorRoute } from "./attempt-second-factor-route.js";
import { createSignInRoute } from "./create-sign-in-route.js";
import { getSignInRoute } from "./get-sign-in-route.js";
import { prepareFirstFactorRoute } from "./prepare-first-factor-route.js";
import { prepareSecondFactorRoute } from "./prepare-second-factor-route.js";

/** The `/v1/client/sign_ins` routes of the Frontend API. */
export const signInsRoutes: readonly AnyRoute[] = [
  createSignInRoute,
  getSignInRoute,
  prepareFirstFactorRoute,
  attemptFirstFactorRoute,
  prepareSecondFactorRoute,
  attemptSecondFactorRoute,
];
