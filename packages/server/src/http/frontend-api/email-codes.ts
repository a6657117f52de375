import type { Clock } from "../../clock.js";
import {
  attemptVerificationCode,
  type CodeAttempt,
  type VerificationAttempt,
} from "../../flows/verification-codes/attempt-verification-code.js";
import {
  type SendVerificationCodeInput,
  sendVerificationCode,
} from "../../flows/verification-codes/send-verification-code.js";
import type { FactorVerification } from "../../store/frontend-store.js";
import type { Store } from "../../store/store.js";
import { enforceRateLimits } from "./enforce-rate-limits.js";
import type { FrontendApiConfig } from "./frontend-api-config.js";

/** What the Frontend API's email-code steps use. */
export interface EmailCodeContext {
  store: Store;
  clock: Clock;
  frontend: FrontendApiConfig;
}

/**
 * Emails a new code for a sign-up or sign-in, counted against the `verification_send` limits
 * (the caller's IP, the address).
 *
 * @throws `too_many_requests`
 * @example
 * const verification = await sendEmailCode(context, {
 *   purpose: "sign_up", subjectId: signUp.id, emailAddress: "ada@example.com",
 * });
 */
export async function sendEmailCode(
  context: EmailCodeContext,
  input: SendVerificationCodeInput,
): Promise<FactorVerification> {
  const { store, clock, frontend } = context;
  await enforceRateLimits(frontend, "verification_send", input.emailAddress);
  return sendVerificationCode({ store, clock, codes: frontend }, input);
}

/**
 * Tries a code, counted against the `verification_attempt` limits (the caller's IP, and
 * `identifier`: the address or user it verifies). See `attemptVerificationCode`.
 *
 * @throws `too_many_requests`
 * @example
 * const attempt = await attemptEmailCode(context, signUp.emailAddress, {
 *   purpose: "sign_up", subjectId: signUp.id, code: body.code, current: signUp.emailVerification,
 * });
 */
export async function attemptEmailCode(
  context: EmailCodeContext,
  identifier: string | null,
  input: CodeAttempt,
): Promise<VerificationAttempt> {
  await enforceRateLimits(context.frontend, "verification_attempt", identifier);
  return attemptVerificationCode({ store: context.store, codes: context.frontend }, input);
}
