import { ApiError } from "../../errors/api-error.js";
import type {
  FactorVerification,
  SignInPatch,
  SignInRecord,
  SignInStatus,
} from "../../store/frontend-store.js";
import type { SessionRecord } from "../../store/session-store.js";
import type { UserRecord } from "../../store/store.js";
import { type ClientSessionContext, startSessionOnClient } from "./start-session-on-client.js";

/** Where a sign-in stands after a verified factor, and the session it started (if it did). */
export interface SignInStep {
  signIn: SignInRecord;
  session: SessionRecord | null;
}

/**
 * Records a verified factor; when no further step is needed, completes the sign-in in one
 * transaction: claims it (compare-and-set: of concurrent successful attempts, one creates the
 * session), clears the user's failed attempts, starts the session on the client (rotated client
 * token) and detaches the sign-in from the client.
 */
async function afterVerifiedFactor(
  context: ClientSessionContext,
  signIn: SignInRecord,
  verified: SignInPatch,
  next:
    | { status: "needs_second_factor"; userId: string }
    | {
        status: "complete";
        expected: SignInStatus;
        strategy: string;
        secondFactorAt: number | null;
      },
): Promise<SignInStep> {
  const { store, now } = context;
  const recorded = await store.updateSignIn(signIn.id, verified);
  if (next.status === "needs_second_factor") {
    await store.resetFailedVerifications(next.userId);
    return {
      signIn: await store.updateSignIn(signIn.id, { status: "needs_second_factor" }),
      session: null,
    };
  }
  const userId = recorded.userId;
  if (userId === null) throw new ApiError("sign_in_status_invalid");
  return store.transaction(async (tx) => {
    if (!(await tx.claimSignInCompletion(signIn.id, next.expected))) {
      throw new ApiError("sign_in_status_invalid", { meta: { status: "complete" } });
    }
    await tx.resetFailedVerifications(userId);
    const session = await startSessionOnClient(
      { ...context, store: tx },
      {
        userId,
        clientId: recorded.clientId,
        strategy: next.strategy,
        firstFactorVerifiedAt: recorded.firstFactorVerifiedAt ?? now,
        secondFactorVerifiedAt: next.secondFactorAt,
      },
    );
    await tx.setClientAttempts(recorded.clientId, { signInId: null });
    return { signIn: await tx.setSignInSession(signIn.id, session.id), session };
  });
}

/**
 * After a verified first factor: a user with two-step verification moves to
 * `needs_second_factor`; anyone else is signed in (new session on the client, rotated token).
 *
 * @throws `sign_in_status_invalid` when a concurrent request completed the sign-in first
 * @example
 * const { signIn, session } = await afterFirstFactor(context, signIn, user, verification);
 */
export function afterFirstFactor(
  context: ClientSessionContext,
  signIn: SignInRecord,
  user: UserRecord,
  verification: FactorVerification,
): Promise<SignInStep> {
  return afterVerifiedFactor(
    context,
    signIn,
    {
      firstFactorVerification: { ...verification, status: "verified" },
      firstFactorVerifiedAt: context.now,
    },
    user.totpEnabled
      ? { status: "needs_second_factor", userId: user.id }
      : {
          status: "complete",
          expected: "needs_first_factor",
          strategy: verification.strategy,
          secondFactorAt: null,
        },
  );
}

/**
 * After a verified second factor: signs the user in.
 *
 * @throws `sign_in_status_invalid` when a concurrent request completed the sign-in first
 * @example
 * const { signIn, session } = await afterSecondFactor(context, signIn, verification);
 */
export function afterSecondFactor(
  context: ClientSessionContext,
  signIn: SignInRecord,
  verification: FactorVerification,
): Promise<SignInStep> {
  return afterVerifiedFactor(
    context,
    signIn,
    { secondFactorVerification: { ...verification, status: "verified" } },
    {
      status: "complete",
      expected: "needs_second_factor",
      strategy: signIn.firstFactorVerification?.strategy ?? verification.strategy,
      secondFactorAt: context.now,
    },
  );
}
