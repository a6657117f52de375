import type { Clock } from "../../../../clock.js";
import { ApiError } from "../../../../errors/api-error.js";
import { sendVerificationCode } from "../../../../flows/verification-codes/send-verification-code.js";
import { RATE_LIMIT_RULES } from "../../../../rate-limits/rate-limit-rules.js";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import type { FrontendApiConfig } from "../../../frontend-api/define-frontend-route.js";
import { enforceRateLimits } from "../../../frontend-api/enforce-rate-limits.js";

/**
 * Emails a sign-in code to one of the user's verified addresses (default: the one typed as the
 * identifier, else the primary one) and records the pending `email_code` verification.
 *
 * @throws `form_param_value_invalid` (`email_address_id`) for an address not of this user or not
 *   verified; `too_many_requests`
 */
export async function prepareSignInEmailCode(
  context: { store: Store; clock: Clock; frontend: FrontendApiConfig; request: Request },
  signIn: SignInRecord,
  user: UserRecord,
  emailAddressId: string | undefined,
): Promise<SignInRecord> {
  const { store, frontend } = context;
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
  await enforceRateLimits(frontend, [
    [RATE_LIMIT_RULES.verificationSendIp, frontend.clientIp],
    [RATE_LIMIT_RULES.verificationSendIdentifier, email.emailAddress],
  ]);
  const verification = await sendVerificationCode(context, {
    purpose: "sign_in",
    subjectId: signIn.id,
    emailAddress: email.emailAddress,
    emailAddressId: email.id,
    userId: user.id,
  });
  return store.updateSignIn(signIn.id, {
    firstFactorVerification: { ...verification, emailAddressId: email.id },
  });
}
