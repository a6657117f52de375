import type { Clock } from "../../../../clock.js";
import { ApiError } from "../../../../errors/api-error.js";
import { sendVerificationCode } from "../../../../flows/verification-codes/send-verification-code.js";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import type { FrontendApiConfig } from "../../../frontend-api/frontend-api-config.js";
import { signInEmailAddress } from "./sign-in-email-address.js";

/**
 * Emails a sign-in code to one of the user's verified addresses (see {@link signInEmailAddress})
 * and records the pending `email_code` verification. The route counts the send against its
 * `verification_send` rate limit.
 *
 * @throws `form_param_value_invalid` (`email_address_id`) for an address not of this user or not
 *   verified
 */
export async function prepareSignInEmailCode(
  context: { store: Store; clock: Clock; frontend: FrontendApiConfig },
  signIn: SignInRecord,
  user: UserRecord,
  emailAddressId: string | undefined,
): Promise<SignInRecord> {
  const email = signInEmailAddress(signIn, user, emailAddressId);
  if (email === undefined) {
    throw new ApiError("form_param_value_invalid", { paramName: "email_address_id" });
  }
  const { store, clock, frontend } = context;
  const verification = await sendVerificationCode(
    { store, clock, codes: frontend },
    {
      purpose: "sign_in",
      subjectId: signIn.id,
      emailAddress: email.emailAddress,
      emailAddressId: email.id,
      userId: user.id,
    },
  );
  return store.updateSignIn(signIn.id, {
    firstFactorVerification: { ...verification, emailAddressId: email.id },
  });
}
