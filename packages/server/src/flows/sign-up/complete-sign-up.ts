import type { FrontendRequest } from "../../http/frontend-api/frontend-request.js";
import type { SignUpRecord } from "../../store/frontend-store.js";
import type { Store } from "../../store/store.js";
import { signUpRequirements } from "./sign-up-requirements.js";

/**
 * Completes a sign-up once nothing is missing or unverified: creates the user (with the verified
 * email address and the already-hashed password; `user.created` in the store's transaction),
 * signs them in on the requesting client (new session, rotated client token, `session.created`),
 * and records `created_user_id` / `created_session_id`. A sign-up that is not ready is returned
 * unchanged.
 *
 * @throws `form_identifier_exists` when the email address or username was taken meanwhile
 * @example
 * signUp = await completeSignUpIfReady({ store, auth }, signUp);
 */
export async function completeSignUpIfReady(
  context: { store: Store; auth: FrontendRequest },
  signUp: SignUpRecord,
): Promise<SignUpRecord> {
  const { store, auth } = context;
  if (signUp.status !== "missing_requirements" || signUp.emailAddress === null) return signUp;
  const { missingFields, unverifiedFields } = signUpRequirements(signUp);
  if (missingFields.length > 0 || unverifiedFields.length > 0) return signUp;
  const password = await store.getSignUpPassword(signUp.id);
  const user = await store.createUser({
    emailAddresses: [{ emailAddress: signUp.emailAddress, status: "verified" }],
    password,
    username: signUp.username,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
    unsafeMetadata: signUp.unsafeMetadata,
    legalAcceptedAt: signUp.legalAcceptedAt,
  });
  const session = await auth.startSession({
    userId: user.id,
    strategy: signUp.emailVerification?.strategy ?? "email_code",
  });
  await store.completeSignUp(signUp.id, { userId: user.id, sessionId: session.id });
  return (await store.getSignUp(signUp.id)) ?? signUp;
}
