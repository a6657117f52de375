import type { FailedVerificationResult } from "../../store/frontend-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/** When failures lock a user, and for how long (null: until unlocked). */
export interface LockoutPolicy {
  maxAttempts: number;
  lockoutSeconds: number | null;
}

/**
 * After a factor check in `slotId` failed, in one transaction under the user's row lock: frees
 * the slot and counts the failure; the failure that reaches `maxAttempts` locks the user until
 * now + `lockoutSeconds` and raises `user.updated`. A user already locked stays as they are.
 * The day's counters of the console's overview count the failure (when the check was part of a
 * sign-in, `signIn`) and the lockout it started, in the same transaction.
 *
 * @example
 * const { failure } = await settleFailedVerification(store, userId, slotId, policy);
 * if (failure.locked) throw userLockedError(failure.lockoutExpiresAt, now);
 */
export function settleFailedVerification(
  store: TransactionalStore,
  userId: string,
  slotId: string,
  policy: LockoutPolicy,
  options: { signIn: boolean } = { signIn: true },
): Promise<FlowResult<{ failure: FailedVerificationResult }>> {
  return runFlow(store, async (tx) => {
    const counted = await tx.countFailedVerification(userId, slotId);
    if (options.signIn) await tx.recordFailedSignIn(tx.now());
    if (counted.locked || counted.attempts < policy.maxAttempts) return { failure: counted };
    await tx.recordLockout(tx.now());
    const lockoutExpiresAt =
      policy.lockoutSeconds === null ? null : tx.now() + policy.lockoutSeconds * 1000;
    const user = await tx.updateUser(userId, { lock: { expiresAt: lockoutExpiresAt } });
    await tx.emit({ type: "user.updated", user });
    return { failure: { attempts: counted.attempts, lockoutExpiresAt, locked: true } };
  });
}
