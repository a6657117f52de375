import type { Clock } from "../../clock.js";
import { ApiError } from "../../errors/api-error.js";
import type { EmailAddressRecord, Store } from "../../store/store.js";
import { sendVerificationCode } from "../verification-codes/send-verification-code.js";
import type { VerificationCodeOptions } from "../verification-codes/verification-code-options.js";

/**
 * Mails a new six-digit code (purpose `verify_email`) to one of a user's unverified email
 * addresses, as sign-up does (the previous code stops working; `424242` for a `+clerk_test`
 * address of a development instance), and records the pending `email_code` verification on it.
 * A verified address stays as it is.
 *
 * @throws ApiError `verification_already_verified` (`email_id`) for a verified address
 * @example
 * const pending = await prepareEmailAddressVerification(
 *   { store, clock, codes: frontend }, emailAddress,
 * );
 */
export async function prepareEmailAddressVerification(
  context: { store: Store; clock: Clock; codes: VerificationCodeOptions },
  emailAddress: EmailAddressRecord,
): Promise<EmailAddressRecord> {
  if (emailAddress.verification?.status === "verified") {
    throw new ApiError("verification_already_verified", { paramName: "email_id" });
  }
  const verification = await sendVerificationCode(context, {
    purpose: "verify_email",
    subjectId: emailAddress.id,
    emailAddress: emailAddress.emailAddress,
    emailAddressId: emailAddress.id,
    userId: emailAddress.userId,
  });
  return context.store.updateEmailAddress(emailAddress.id, {
    verification: {
      status: verification.status,
      strategy: verification.strategy,
      attempts: verification.attempts,
      expireAt: verification.expireAt,
    },
  });
}
