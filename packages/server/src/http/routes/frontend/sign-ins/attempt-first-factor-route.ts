import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { enforceRateLimits } from "../../../frontend-api/enforce-rate-limits.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { attemptSignInFirstFactor } from "./attempt-sign-in-first-factor.js";
import { requireOwnSignIn, requireSignInStep } from "./require-own-sign-in.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/attempt_first_factor`: `strategy=password` with
 * `password`, or `strategy=email_code` with `code`. Wrong answers count toward the lockout.
 */
export const attemptFirstFactorRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins/{sign_in_id}/attempt_first_factor",
  auth: "client",
  body: z.object({
    strategy: z.string(),
    password: z.string().optional(),
    code: z.string().optional(),
  }),
  handler: async (context) => {
    const { body, params, store, auth, clock, frontend } = context;
    let signIn = await requireOwnSignIn(store, auth, params.sign_in_id);
    const user = await requireSignInStep(store, signIn, "needs_first_factor");
    await enforceRateLimits(frontend, "verification_attempt", user.id);
    signIn = await attemptSignInFirstFactor(context, signIn, user, body);
    return loadFrontendSignIn(
      { store, baseUrl: context.baseUrl, now: clock.now(), settings: context.settings },
      signIn,
    );
  },
});
