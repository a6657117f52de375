import type { ApiError } from "../../errors/api-error.js";
import type { InstanceSettings } from "../../instance-settings.js";
import type { Store } from "../../store/store.js";
import { reserveVerificationAttempt } from "../users/reserve-verification-attempt.js";
import { settleFailedVerification } from "../users/settle-failed-verification.js";
import { userLockedError } from "./check-user-may-sign-in.js";

/** What a factor check found: passed (with what it yields), or failed with the error to answer. */
export type FactorCheck<T> = { passed: true; value: T } | { passed: false; error: ApiError };

/** How long a factor check may hold its slot before it stops counting (a process died mid-check). */
const SLOT_SECONDS = 60;

/**
 * Checks one factor of a user (password, email code, TOTP or backup code) under the lockout, so
 * that concurrency cannot get around it: a slot is taken before the check (none while the user
 * is locked, or while counted failures plus checks in flight reach
 * `settings.maxVerificationAttempts`), a failure is counted and may lock, a pass clears the
 * failures counted so far, and a pass that meets a lock set meanwhile is refused. `check` answers `{ passed: true, value }`, or
 * `{ passed: false, error }` for a failure that counts; an error it throws counts as nothing.
 * A failure counts as a failed sign-in in the overview's daily counters unless `signIn` is false
 * (a signed-in user confirming their password).
 *
 * @throws `user_locked` (403, `meta.lockout_expires_in_seconds`) when no check may run, or when
 *   this failure locked the user; otherwise the error `check` answered or threw
 * @example
 * await checkFactorUnderLockout({ store, settings, now }, user.id, async () =>
 *   (await verifyPassword(credential, password))
 *     ? { passed: true, value: undefined }
 *     : { passed: false, error: new ApiError("form_password_incorrect") });
 */
export async function checkFactorUnderLockout<T>(
  context: {
    store: Store;
    settings: Pick<InstanceSettings, "maxVerificationAttempts" | "lockoutSeconds">;
    now: number;
    signIn?: boolean;
  },
  userId: string,
  check: () => Promise<FactorCheck<T>>,
): Promise<T> {
  const { store, settings, now } = context;
  const policy = {
    maxAttempts: settings.maxVerificationAttempts,
    lockoutSeconds: settings.lockoutSeconds,
  };
  const reservation = await reserveVerificationAttempt(store, userId, {
    maxAttempts: policy.maxAttempts,
    slotSeconds: SLOT_SECONDS,
  });
  if (!reservation.reserved) {
    // Locked, or the checks in flight would reach the limit: answered as the lock they lead to.
    const until = reservation.locked
      ? reservation.lockoutExpiresAt
      : policy.lockoutSeconds === null
        ? null
        : now + policy.lockoutSeconds * 1000;
    throw userLockedError(until, now);
  }
  let outcome: FactorCheck<T>;
  try {
    outcome = await check();
  } catch (error) {
    await store.releaseVerificationAttempt(userId, reservation.slotId, { clearFailures: false });
    throw error;
  }
  if (outcome.passed) {
    // The pass clears the failures as it frees its slot (one transaction): a failure counted in
    // between could otherwise lock a user whose right answer was just accepted.
    const lock = await store.releaseVerificationAttempt(userId, reservation.slotId, {
      clearFailures: true,
    });
    if (lock.locked) throw userLockedError(lock.lockoutExpiresAt, now);
    return outcome.value;
  }
  const { failure } = await settleFailedVerification(store, userId, reservation.slotId, policy, {
    signIn: context.signIn ?? true,
  });
  throw failure.locked ? userLockedError(failure.lockoutExpiresAt, now) : outcome.error;
}
