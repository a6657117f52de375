import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { prepareSignInEmailCode } from "./prepare-sign-in-email-code.js";
import { requireOwnSignInAt } from "./require-own-sign-in.js";
import { signInEmailAddress } from "./sign-in-email-address.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/prepare_first_factor`: `strategy=email_code` (with an
 * optional `email_address_id`) emails a code, counted against the `verification_send` limits
 * (the caller's IP, the address); `password` needs no preparation.
 */
export const prepareFirstFactorRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins/{sign_in_id}/prepare_first_factor",
  auth: "client",
  body: z.object({ strategy: z.string(), email_address_id: z.string().optional() }),
  load: async ({ params, store, auth, clock }) => {
    const loaded = await requireOwnSignInAt(store, auth, params.sign_in_id, "needs_first_factor");
    checkUserMaySignIn(loaded.user, clock.now());
    return loaded;
  },
  rateLimits: [
    {
      class: "verification_send",
      identifier: ({ body, loaded: { signIn, user } }) => {
        if (body.strategy !== "email_code") return false;
        // No such address: the handler refuses the request, uncounted.
        return signInEmailAddress(signIn, user, body.email_address_id)?.emailAddress ?? false;
      },
    },
  ],
  handler: async (context) => {
    const { body, store, clock, loaded } = context;
    const { signIn, user } = loaded;
    if (body.strategy !== "email_code" && body.strategy !== "password") {
      throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
    }
    const prepared =
      body.strategy === "email_code"
        ? await prepareSignInEmailCode(context, signIn, user, body.email_address_id)
        : signIn;
    return loadFrontendSignIn(
      { store, imageBaseUrl: context.imageBaseUrl, now: clock.now(), settings: context.settings },
      prepared,
    );
  },
});
