import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { attemptSignInFirstFactor } from "./attempt-sign-in-first-factor.js";
import { requireOwnSignInAt } from "./require-own-sign-in.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/attempt_first_factor`: `strategy=password` with
 * `password`, or `strategy=email_code` with `code`. Wrong answers count toward the lockout;
 * attempts count toward the `verification_attempt` limits (the caller's IP, the user).
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
  load: ({ store, auth, params }) =>
    requireOwnSignInAt(store, auth, params.sign_in_id, "needs_first_factor"),
  rateLimits: [{ class: "verification_attempt", identifier: ({ loaded }) => loaded.user.id }],
  handler: async (context) => {
    const { body, store, clock, loaded } = context;
    const attempted = await attemptSignInFirstFactor(context, loaded.signIn, loaded.user, body);
    return loadFrontendSignIn(
      { store, imageBaseUrl: context.imageBaseUrl, now: clock.now(), settings: context.settings },
      attempted,
    );
  },
});
