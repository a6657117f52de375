import type { Clock } from "../../clock.js";
import { ApiError } from "../../errors/api-error.js";
import type { FrontendRequest } from "../../http/frontend-api/frontend-request.js";
import type { FactorVerification, SignInRecord, SignInStatus } from "../../store/frontend-store.js";
import type { Store, UserRecord } from "../../store/store.js";

interface SignInContext {
  store: Store;
  clock: Clock;
  auth: FrontendRequest;
}

async function finish(
  context: SignInContext,
  signIn: SignInRecord,
  expected: SignInStatus,
  input: { strategy: string; secondFactorVerifiedAt: number | null },
): Promise<SignInRecord> {
  const { store, auth, clock } = context;
  if (signIn.userId === null) throw new ApiError("sign_in_status_invalid");
  // Compare-and-set: of concurrent successful attempts, one creates the session.
  if (!(await store.claimSignInCompletion(signIn.id, expected))) {
    throw new ApiError("sign_in_status_invalid", { meta: { status: "complete" } });
  }
  await store.resetFailedVerifications(signIn.userId);
  const session = await auth.startSession({
    userId: signIn.userId,
    strategy: input.strategy,
    firstFactorVerifiedAt: signIn.firstFactorVerifiedAt ?? clock.now(),
    secondFactorVerifiedAt: input.secondFactorVerifiedAt,
  });
  await store.setClientAttempts(signIn.clientId, { signInId: null });
  await auth.reloadClient();
  return store.setSignInSession(signIn.id, session.id);
}

/**
 * After a verified first factor: a user with two-step verification moves to
 * `needs_second_factor`; anyone else is signed in (new session, rotated client token, cookies).
 *
 * @throws `sign_in_status_invalid` when a concurrent request completed the sign-in first
 * @example
 * signIn = await afterFirstFactor({ store, clock, auth }, signIn, user, verification);
 */
export async function afterFirstFactor(
  context: SignInContext,
  signIn: SignInRecord,
  user: UserRecord,
  verification: FactorVerification,
): Promise<SignInRecord> {
  const now = context.clock.now();
  const verified = await context.store.updateSignIn(signIn.id, {
    firstFactorVerification: { ...verification, status: "verified" },
    firstFactorVerifiedAt: now,
  });
  if (user.totpEnabled) {
    await context.store.resetFailedVerifications(user.id);
    return context.store.updateSignIn(signIn.id, { status: "needs_second_factor" });
  }
  return finish(context, verified, "needs_first_factor", {
    strategy: verification.strategy,
    secondFactorVerifiedAt: null,
  });
}

/**
 * After a verified second factor: signs the user in.
 *
 * @throws `sign_in_status_invalid` when a concurrent request completed the sign-in first
 * @example
 * signIn = await afterSecondFactor({ store, clock, auth }, signIn, verification);
 */
export async function afterSecondFactor(
  context: SignInContext,
  signIn: SignInRecord,
  verification: FactorVerification,
): Promise<SignInRecord> {
  const now = context.clock.now();
  const verified = await context.store.updateSignIn(signIn.id, {
    secondFactorVerification: { ...verification, status: "verified" },
  });
  const strategy = signIn.firstFactorVerification?.strategy ?? verification.strategy;
  return finish(context, verified, "needs_second_factor", {
    strategy,
    secondFactorVerifiedAt: now,
  });
}
