import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { requireOwnSignIn, requireSignInStep } from "./require-own-sign-in.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/prepare_second_factor`: nothing to send for `totp` or
 * `backup_code` (the user reads their app or list); other strategies are not offered.
 */
export const prepareSecondFactorRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins/{sign_in_id}/prepare_second_factor",
  auth: "client",
  body: z.object({ strategy: z.string() }),
  handler: async ({ body, params, store, auth, clock, imageBaseUrl, settings }) => {
    const signIn = await requireOwnSignIn(store, auth, params.sign_in_id);
    await requireSignInStep(store, signIn, "needs_second_factor");
    if (body.strategy !== "totp" && body.strategy !== "backup_code") {
      throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
    }
    const updated = await store.updateSignIn(signIn.id, {
      secondFactorVerification: {
        strategy: body.strategy,
        status: "unverified",
        attempts: signIn.secondFactorVerification?.attempts ?? 0,
        expireAt: null,
      },
    });
    return loadFrontendSignIn({ store, imageBaseUrl, now: clock.now(), settings }, updated);
  },
});
