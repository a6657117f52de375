import type { EmailAddressRecord, Store } from "../../store/store.js";
import { attemptVerificationCode } from "../verification-codes/attempt-verification-code.js";
import type { VerificationCodeOptions } from "../verification-codes/verification-code-options.js";
import { changeIdentification } from "./change-user.js";

/**
 * Checks a code typed to verify one of a user's email addresses against the code mailed for it
 * (purpose `verify_email`, limited to the same attempts as a sign-up's code) and records the
 * verification as it then stands, as sign-up does. A matching code marks the address verified
 * (`email_code`) and raises `user.updated`; a refused one only counts the attempt.
 *
 * @throws ApiError `form_code_incorrect` (422), `verification_failed` (too many attempts),
 *   `verification_expired`, `verification_missing` (none prepared, or used),
 *   `verification_already_verified`
 * @example
 * const verified = await attemptEmailAddressVerification(
 *   { store, codes: frontend }, emailAddress, body.code,
 * );
 */
export async function attemptEmailAddressVerification(
  context: { store: Store; codes: Pick<VerificationCodeOptions, "codeKey"> },
  emailAddress: EmailAddressRecord,
  code: string,
): Promise<EmailAddressRecord> {
  const { store } = context;
  const attempt = await attemptVerificationCode(context, {
    purpose: "verify_email",
    subjectId: emailAddress.id,
    code,
    current: emailAddress.verification,
  });
  const { strategy, status, attempts, expireAt } = attempt.verification;
  const verification = { strategy, status, attempts, expireAt };
  if (attempt.error !== null) {
    if (attempt.result.outcome !== "missing") {
      await store.updateEmailAddress(emailAddress.id, { verification });
    }
    throw attempt.error;
  }
  const { identification } = await changeIdentification(store, (tx) =>
    tx.updateEmailAddress(emailAddress.id, { verification }),
  );
  return identification;
}
