import type { Clock } from "../../../../clock.js";
import { ApiError } from "../../../../errors/api-error.js";
import { sendVerificationCode } from "../../../../flows/verification-codes/send-verification-code.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import type { Store } from "../../../../store/store.js";
import type { FrontendApiConfig } from "../../../frontend-api/frontend-api-config.js";

/**
 * Sends a sign-up's email code and records the pending verification. The route counts the send
 * against its `verification_send` rate limit (per IP and per address).
 *
 * @throws `form_param_missing` (`email_address`) when the sign-up has no address yet
 */
export async function prepareSignUpEmail(
  context: { store: Store; clock: Clock; frontend: FrontendApiConfig },
  signUp: SignUpRecord,
): Promise<SignUpRecord> {
  if (signUp.emailAddress === null) {
    throw new ApiError("form_param_missing", { paramName: "email_address" });
  }
  const { store, clock, frontend } = context;
  const verification = await sendVerificationCode(
    { store, clock, codes: frontend },
    { purpose: "sign_up", subjectId: signUp.id, emailAddress: signUp.emailAddress },
  );
  return store.updateSignUp(signUp.id, { emailVerification: verification });
}
