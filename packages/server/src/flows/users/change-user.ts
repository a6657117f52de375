import { ApiError } from "../../errors/api-error.js";
import type { UserRecord } from "../../store/store.js";
import type { StoreTransaction, TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Raises `user.updated` inside a flow's transaction with the user as it now is there.
 *
 * @throws ApiError `resource_not_found` (`user_id`) when the user is gone
 * @example
 * await raiseUserUpdated(tx, emailAddress.userId);
 */
export async function raiseUserUpdated(tx: StoreTransaction, userId: string): Promise<UserRecord> {
  const user = await tx.getUser(userId);
  if (user === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
  await tx.emit({ type: "user.updated", user });
  return user;
}

/**
 * Runs one change of a user in one transaction and raises `user.updated` with the user the change
 * answers; nothing is raised when it throws.
 *
 * @example
 * return changeUser(store, (tx) => tx.updateUser(userId, patch));
 */
export function changeUser(
  store: TransactionalStore,
  change: (tx: StoreTransaction) => Promise<UserRecord>,
): Promise<FlowResult<{ user: UserRecord }>> {
  return runFlow(store, async (tx) => {
    const user = await change(tx);
    await tx.emit({ type: "user.updated", user });
    return { user };
  });
}

/**
 * Runs one change of a user's email address or phone number in one transaction and raises
 * `user.updated` with its user as the change left them. A change that finds nothing to change
 * (null: no such identification) raises nothing; one that throws leaves nothing behind.
 *
 * @example
 * const { identification } = await changeIdentification(store, (tx) =>
 *   tx.addEmailAddress(userId, { emailAddress, status: "verified" }),
 * );
 */
export function changeIdentification<R extends { userId: string } | null>(
  store: TransactionalStore,
  change: (tx: StoreTransaction) => Promise<R>,
): Promise<FlowResult<{ identification: R }>> {
  return runFlow(store, async (tx) => {
    const identification = await change(tx);
    if (identification !== null) await raiseUserUpdated(tx, identification.userId);
    return { identification };
  });
}
