import type { Clock } from "../../../../clock.js";
import { ApiError } from "../../../../errors/api-error.js";
import { sendVerificationCode } from "../../../../flows/verification-codes/send-verification-code.js";
import { RATE_LIMIT_RULES } from "../../../../rate-limits/rate-limit-rules.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import type { Store } from "../../../../store/store.js";
import type { FrontendApiConfig } from "../../../frontend-api/define-frontend-route.js";
import { enforceRateLimits } from "../../../frontend-api/enforce-rate-limits.js";

/**
 * Sends a sign-up's email code (rate-limited per IP and per address) and records the pending
 * verification.
 *
 * @throws `form_param_missing` (`email_address`) when the sign-up has no address yet;
 *   `too_many_requests`
 */
export async function prepareSignUpEmail(
  context: { store: Store; clock: Clock; frontend: FrontendApiConfig; request: Request },
  signUp: SignUpRecord,
): Promise<SignUpRecord> {
  const { store, frontend } = context;
  if (signUp.emailAddress === null) {
    throw new ApiError("form_param_missing", { paramName: "email_address" });
  }
  await enforceRateLimits(frontend, [
    [RATE_LIMIT_RULES.verificationSendIp, frontend.clientIp],
    [RATE_LIMIT_RULES.verificationSendIdentifier, signUp.emailAddress],
  ]);
  const verification = await sendVerificationCode(context, {
    purpose: "sign_up",
    subjectId: signUp.id,
    emailAddress: signUp.emailAddress,
  });
  return store.updateSignUp(signUp.id, { emailVerification: verification });
}
