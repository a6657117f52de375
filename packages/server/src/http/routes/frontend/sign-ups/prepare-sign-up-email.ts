import { ApiError } from "../../../../errors/api-error.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import { type EmailCodeContext, sendEmailCode } from "../../../frontend-api/email-codes.js";

/**
 * Sends a sign-up's email code (rate-limited per IP and per address) and records the pending
 * verification.
 *
 * @throws `form_param_missing` (`email_address`) when the sign-up has no address yet;
 *   `too_many_requests`
 */
export async function prepareSignUpEmail(
  context: EmailCodeContext,
  signUp: SignUpRecord,
): Promise<SignUpRecord> {
  if (signUp.emailAddress === null) {
    throw new ApiError("form_param_missing", { paramName: "email_address" });
  }
  const verification = await sendEmailCode(context, {
    purpose: "sign_up",
    subjectId: signUp.id,
    emailAddress: signUp.emailAddress,
  });
  return context.store.updateSignUp(signUp.id, { emailVerification: verification });
}
