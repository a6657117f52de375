import type { UserRecord } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Completes a pending TOTP enrolment in one transaction (its secret becomes the user's; the given
 * backup code digests replace theirs when not null) and raises `user.updated`. `user` is null,
 * and nothing is raised, when the enrolment was gone (completed or replaced meanwhile).
 *
 * @example
 * const { user } = await completeTotpEnrollment(store, userId, enrollment.id, hashes);
 */
export function completeTotpEnrollment(
  store: TransactionalStore,
  userId: string,
  enrollmentId: string,
  backupCodeHashes: readonly string[] | null,
): Promise<FlowResult<{ user: UserRecord | null }>> {
  return runFlow(store, async (tx) => {
    const user = await tx.completeTotpEnrollment(userId, enrollmentId, backupCodeHashes);
    if (user !== null) await tx.emit({ type: "user.updated", user });
    return { user };
  });
}
