import type { Clock } from "../../../../clock.js";
import { ApiError } from "../../../../errors/api-error.js";
import { attemptPassword } from "../../../../flows/sign-in/attempt-password.js";
import { checkFactorUnderLockout } from "../../../../flows/sign-in/check-factor-under-lockout.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { afterFirstFactor } from "../../../../flows/sign-in/complete-sign-in.js";
import { attemptVerificationCode } from "../../../../flows/verification-codes/attempt-verification-code.js";
import type { InstanceSettings } from "../../../../instance-settings.js";
import type { Logger } from "../../../../logger.js";
import type { FactorVerification, SignInRecord } from "../../../../store/frontend-store.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import type { FrontendApiConfig } from "../../../frontend-api/frontend-api-config.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";

/** A first-factor attempt as the sign-in routes receive it. */
export interface FirstFactorAttempt {
  strategy: string;
  password?: string | undefined;
  code?: string | undefined;
}

/**
 * Verifies a first factor (`password` or `email_code`) of a sign-in at `needs_first_factor`, then
 * moves it on (second factor, or signed in). Failures count toward the user's lockout.
 *
 * @throws `form_password_incorrect`, `form_code_incorrect`, `verification_failed`,
 *   `verification_expired`, `verification_missing`, `user_locked`, `user_banned`,
 *   `strategy_for_user_invalid`, `form_param_missing`
 */
export async function attemptSignInFirstFactor(
  context: {
    store: Store;
    clock: Clock;
    settings: InstanceSettings;
    logger: Logger;
    frontend: FrontendApiConfig;
    auth: FrontendRequest;
  },
  signIn: SignInRecord,
  user: UserRecord,
  attempt: FirstFactorAttempt,
): Promise<SignInRecord> {
  const now = context.clock.now();
  const verification = await verifyFirstFactor({ ...context, now }, signIn, user, attempt);
  const step = await context.auth.signingIn((flow) =>
    afterFirstFactor(flow, signIn, user, verification),
  );
  return step.signIn;
}

/** Checks the first factor under the lockout; the verification to record when it passed. */
async function verifyFirstFactor(
  context: Parameters<typeof attemptSignInFirstFactor>[0] & { now: number },
  signIn: SignInRecord,
  user: UserRecord,
  attempt: FirstFactorAttempt,
): Promise<FactorVerification> {
  const { store, now } = context;
  if (attempt.strategy === "password") {
    if (attempt.password === undefined || attempt.password === "") {
      throw new ApiError("form_param_missing", { paramName: "password" });
    }
    await attemptPassword(context, signIn, user, attempt.password);
    return {
      strategy: "password",
      status: "verified",
      attempts: (signIn.firstFactorVerification?.attempts ?? 0) + 1,
      expireAt: null,
    };
  }
  if (attempt.strategy === "email_code") {
    if (attempt.code === undefined) throw new ApiError("form_param_missing", { paramName: "code" });
    checkUserMaySignIn(user, now);
    const current = signIn.firstFactorVerification;
    return checkFactorUnderLockout(context, user.id, async () => {
      const result = await attemptVerificationCode(
        { store, codes: context.frontend },
        {
          purpose: "sign_in",
          subjectId: signIn.id,
          code: attempt.code ?? "",
          current: current?.strategy === "email_code" ? current : null,
        },
      );
      if (result.result.outcome !== "missing") {
        await store.updateSignIn(signIn.id, { firstFactorVerification: result.verification });
      }
      if (result.error === null) return { passed: true, value: result.verification };
      const counts =
        result.result.outcome === "incorrect" || result.result.outcome === "too_many_attempts";
      if (counts) return { passed: false, error: result.error };
      throw result.error;
    });
  }
  throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
}
