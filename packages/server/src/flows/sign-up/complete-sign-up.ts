import type { SignUpRecord } from "../../store/frontend-store.js";
import type { SessionRecord } from "../../store/session-store.js";
import {
  type ClientSessionContext,
  startSessionOnClient,
} from "../sign-in/start-session-on-client.js";
import { insertUserRaisingCreated } from "../users/create-user.js";
import { signUpRequirements } from "./sign-up-requirements.js";

/** A sign-up after {@link completeSignUpIfReady}, and the session it started (if it completed). */
export interface SignUpStep {
  signUp: SignUpRecord;
  session: SessionRecord | null;
}

/**
 * Completes a sign-up once nothing is missing or unverified, in one transaction: creates the user
 * (with the verified email address and the already-hashed password; `user.created`), signs them
 * in on the sign-up's client (rotated client token, new session, `session.created`) and records
 * `created_user_id` / `created_session_id`. A sign-up that is not ready is returned unchanged.
 *
 * @throws `form_identifier_exists` when the email address or username was taken meanwhile
 *   (nothing is written)
 * @example
 * const { signUp, session } = await completeSignUpIfReady(context, signUp);
 */
export async function completeSignUpIfReady(
  context: ClientSessionContext,
  signUp: SignUpRecord,
): Promise<SignUpStep> {
  const { store } = context;
  const emailAddress = signUp.emailAddress;
  if (signUp.status !== "missing_requirements" || emailAddress === null) {
    return { signUp, session: null };
  }
  const { missingFields, unverifiedFields } = signUpRequirements(signUp);
  if (missingFields.length > 0 || unverifiedFields.length > 0) return { signUp, session: null };
  const session = await store.transaction(async (tx) => {
    // An OAuth sign-up brings the provider account its redirect kept.
    const viaProvider = signUp.externalAccountVerification?.status === "verified";
    const redirect = viaProvider
      ? await tx.findTransferableOAuthRedirect(signUp.clientId, { signUpId: signUp.id })
      : null;
    const user = await insertUserRaisingCreated(
      tx,
      {
        emailAddresses: [{ emailAddress, status: "verified" }],
        password: await tx.getSignUpPassword(signUp.id),
        username: signUp.username,
        firstName: signUp.firstName,
        lastName: signUp.lastName,
        unsafeMetadata: signUp.unsafeMetadata,
        legalAcceptedAt: signUp.legalAcceptedAt,
      },
      redirect?.account ?? null,
    );
    const started = await startSessionOnClient(
      { ...context, store: tx },
      {
        userId: user.id,
        clientId: signUp.clientId,
        strategy:
          signUp.externalAccountVerification?.strategy ??
          signUp.emailVerification?.strategy ??
          "email_code",
      },
    );
    await tx.completeSignUp(signUp.id, { userId: user.id, sessionId: started.id });
    return started;
  });
  return { signUp: (await store.getSignUp(signUp.id)) ?? signUp, session };
}
