import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { checkFactorUnderLockout } from "../../../../flows/sign-in/check-factor-under-lockout.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { afterSecondFactor } from "../../../../flows/sign-in/complete-sign-in.js";
import { hashBackupCode } from "../../../../mfa/hash-backup-code.js";
import { verifyTotpCode } from "../../../../mfa/verify-totp-code.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { requireOwnSignInAt } from "./require-own-sign-in.js";

/**
 * `POST /v1/client/sign_ins/{sign_in_id}/attempt_second_factor`: `strategy=totp` with the
 * authenticator's `code`, or `strategy=backup_code` with one backup code (consumed atomically:
 * each works once). Wrong codes count toward the lockout; attempts count toward the
 * `verification_attempt` limits (the caller's IP, the user).
 *
 * @throws `form_code_incorrect` (422), `user_locked`, `strategy_for_user_invalid`
 */
export const attemptSecondFactorRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins/{sign_in_id}/attempt_second_factor",
  auth: "client",
  body: z.object({ strategy: z.string(), code: z.string() }),
  rateLimits: [
    {
      class: "verification_attempt",
      identifier: async ({ store, auth, params, clock }) => {
        const { user } = await requireOwnSignInAt(
          store,
          auth,
          params.sign_in_id,
          "needs_second_factor",
        );
        checkUserMaySignIn(user, clock.now());
        return user.id;
      },
    },
  ],
  handler: async (context) => {
    const { body, params, store, auth, clock, settings } = context;
    const { signIn, user } = await requireOwnSignInAt(
      store,
      auth,
      params.sign_in_id,
      "needs_second_factor",
    );
    const now = clock.now();
    checkUserMaySignIn(user, now);
    if (body.strategy !== "totp" && body.strategy !== "backup_code") {
      throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
    }
    const secret = body.strategy === "totp" ? await store.getTotpSecret(user.id) : null;
    if (body.strategy === "totp" && secret === null) {
      throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
    }
    const attempts = (signIn.secondFactorVerification?.attempts ?? 0) + 1;
    const verification = {
      strategy: body.strategy,
      status: "unverified" as const,
      attempts,
      expireAt: null,
    };
    await checkFactorUnderLockout({ store, settings, now }, user.id, async () => {
      const verified =
        secret !== null
          ? verifyTotpCode(secret, body.code.trim(), now)
          : await store.consumeBackupCode(user.id, hashBackupCode(user.id, body.code));
      if (verified) return { passed: true, value: undefined };
      await store.updateSignIn(signIn.id, { secondFactorVerification: verification });
      return { passed: false, error: new ApiError("form_code_incorrect", { paramName: "code" }) };
    });
    const step = await auth.signingIn((flow) => afterSecondFactor(flow, signIn, verification));
    return loadFrontendSignIn(
      { store, imageBaseUrl: context.imageBaseUrl, now, settings },
      step.signIn,
    );
  },
});
