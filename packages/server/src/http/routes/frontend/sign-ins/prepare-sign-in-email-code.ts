import { ApiError } from "../../../../errors/api-error.js";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { UserRecord } from "../../../../store/store.js";
import { type EmailCodeContext, sendEmailCode } from "../../../frontend-api/email-codes.js";

/**
 * Emails a sign-in code to one of the user's verified addresses (default: the one typed as the
 * identifier, else the primary one) and records the pending `email_code` verification.
 *
 * @throws `form_param_value_invalid` (`email_address_id`) for an address not of this user or not
 *   verified; `too_many_requests`
 */
export async function prepareSignInEmailCode(
  context: EmailCodeContext,
  signIn: SignInRecord,
  user: UserRecord,
  emailAddressId: string | undefined,
): Promise<SignInRecord> {
  const verified = user.emailAddresses.filter((e) => e.verification?.status === "verified");
  const email =
    emailAddressId === undefined
      ? (verified.find((e) => e.emailAddress.toLowerCase() === signIn.identifier?.toLowerCase()) ??
        verified.find((e) => e.id === user.primaryEmailAddressId) ??
        verified[0])
      : verified.find((e) => e.id === emailAddressId);
  if (email === undefined) {
    throw new ApiError("form_param_value_invalid", { paramName: "email_address_id" });
  }
  const verification = await sendEmailCode(context, {
    purpose: "sign_in",
    subjectId: signIn.id,
    emailAddress: email.emailAddress,
    emailAddressId: email.id,
    userId: user.id,
  });
  return context.store.updateSignIn(signIn.id, {
    firstFactorVerification: { ...verification, emailAddressId: email.id },
  });
}
