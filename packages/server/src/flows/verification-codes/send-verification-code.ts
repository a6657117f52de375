import type { Clock } from "../../clock.js";
import { isTestEmailAddress, TEST_VERIFICATION_CODE } from "../../mail/is-test-email-address.js";
import type { FactorVerification, VerificationCodePurpose } from "../../store/frontend-store.js";
import type { Store } from "../../store/store.js";
import { generateVerificationCode } from "./generate-verification-code.js";
import { hashVerificationCode } from "./hash-verification-code.js";
import type { VerificationCodeOptions } from "./verification-code-options.js";

/** Input of {@link sendVerificationCode}. */
export interface SendVerificationCodeInput {
  purpose: VerificationCodePurpose;
  /** The sign-up or sign-in the code verifies. */
  subjectId: string;
  emailAddress: string;
  emailAddressId?: string | null;
  userId?: string | null;
}

/**
 * Makes a new six-digit code for a sign-up or sign-in (the previous one stops working), stores
 * only its digest with a 10-minute expiry and an attempt limit, and mails it. In development a
 * `+clerk_test` address gets the fixed code `424242` (recorded in the mailbox as a test, not
 * delivered).
 *
 * @returns the pending `email_code` verification
 * @example
 * const verification = await sendVerificationCode({ store, clock, codes: frontend }, {
 *   purpose: "sign_up", subjectId: signUp.id, emailAddress: "ada@example.com",
 * });
 */
export async function sendVerificationCode(
  context: { store: Store; clock: Clock; codes: VerificationCodeOptions },
  input: SendVerificationCodeInput,
): Promise<FactorVerification> {
  const { store, clock, codes } = context;
  const test = codes.development && isTestEmailAddress(input.emailAddress);
  const code = test ? TEST_VERIFICATION_CODE : generateVerificationCode();
  const expireAt = clock.now() + codes.codeLifetimeSeconds * 1000;
  await store.createVerificationCode({
    purpose: input.purpose,
    subjectId: input.subjectId,
    emailAddress: input.emailAddress,
    codeHash: hashVerificationCode(codes.codeKey, input.subjectId, code),
    maxAttempts: codes.maxCodeAttempts,
    expireAt,
  });
  await codes.mailer.send({
    to: {
      emailAddress: input.emailAddress,
      emailAddressId: input.emailAddressId ?? null,
      userId: input.userId ?? null,
    },
    template: "verification_code",
    code,
    purpose: input.purpose,
    appName: codes.applicationName,
  });
  return { strategy: "email_code", status: "unverified", attempts: 0, expireAt };
}
