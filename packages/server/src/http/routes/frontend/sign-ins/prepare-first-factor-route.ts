import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { prepareSignInEmailCode } from "./prepare-sign-in-email-code.js";
import { requireOwnSignIn, requireSignInStep } from "./require-own-sign-in.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/prepare_first_factor`: `strategy=email_code` (with an
 * optional `email_address_id`) emails a code; `password` needs no preparation.
 */
export const prepareFirstFactorRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins/{sign_in_id}/prepare_first_factor",
  auth: "client",
  body: z.object({ strategy: z.string(), email_address_id: z.string().optional() }),
  handler: async (context) => {
    const { body, params, store, auth, clock } = context;
    let signIn = await requireOwnSignIn(store, auth, params.sign_in_id);
    const user = await requireSignInStep(store, signIn, "needs_first_factor");
    checkUserMaySignIn(user, clock.now());
    if (body.strategy === "email_code") {
      signIn = await prepareSignInEmailCode(context, signIn, user, body.email_address_id);
    } else if (body.strategy !== "password") {
      throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
    }
    return loadFrontendSignIn(
      { store, baseUrl: context.baseUrl, now: clock.now(), settings: context.settings },
      signIn,
    );
  },
});
