import type { TransactionalStore } from "../../store/store-transaction.js";

/** How many factor checks may count at once, and how long a slot holds. */
export interface SlotPolicy {
  /** Counted failures plus checks in flight may not reach this. */
  maxAttempts: number;
  /** A slot stops counting after this long (a process that died mid-check). */
  slotSeconds: number;
}

/** Outcome of {@link reserveVerificationAttempt}. */
export type AttemptReservation =
  /** A slot is held: the factor may be checked. */
  | { reserved: true; slotId: string }
  /**
   * No slot: the user is locked (`lockoutExpiresAt`, null for a lock without end), or the
   * counted failures and the checks in flight already reach the limit (`locked: false`).
   */
  | { reserved: false; locked: boolean; lockoutExpiresAt: number | null };

/**
 * Before a factor is checked (password, code), in one transaction under the user's row lock:
 * takes a slot unless the user is locked or counted failures plus slots in flight reach
 * `maxAttempts`; so no more than the limit are ever checked, across processes. A lock that expired
 * is cleared first (with its count). Every reservation ends in `settleFailedVerification` or
 * `Store.releaseVerificationAttempt`.
 *
 * @example
 * const reservation = await reserveVerificationAttempt(store, userId, {
 *   maxAttempts: 10, slotSeconds: 60,
 * });
 * if (!reservation.reserved) throw userLockedError(reservation.lockoutExpiresAt, now);
 */
export function reserveVerificationAttempt(
  store: TransactionalStore,
  userId: string,
  policy: SlotPolicy,
): Promise<AttemptReservation> {
  return store.transaction(async (tx) => {
    const now = tx.now();
    const state = await tx.lockVerificationState(userId);
    if (state === null) return { reserved: false, locked: false, lockoutExpiresAt: null };
    const expired = state.lockoutExpiresAt !== null && state.lockoutExpiresAt <= now;
    if (expired) {
      // An expired lock no longer counts: it goes, and its count with it.
      await tx.resetFailedVerifications(userId);
    } else if (state.locked) {
      return { reserved: false, locked: true, lockoutExpiresAt: state.lockoutExpiresAt };
    }
    const failures = expired ? 0 : state.failedAttempts;
    const inFlight = await tx.countVerificationAttemptSlots(userId);
    if (failures + inFlight >= policy.maxAttempts) {
      return { reserved: false, locked: false, lockoutExpiresAt: null };
    }
    const slotId = await tx.insertVerificationAttemptSlot(userId, now + policy.slotSeconds * 1000);
    return { reserved: true, slotId };
  });
}
