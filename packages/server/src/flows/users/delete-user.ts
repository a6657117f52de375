import type { DeletedUserRecord } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Deletes a user with their identifications, sessions and memberships, raising `user.deleted`
 * (its id and `external_id`); `deleted` is null, and nothing is raised, when there was none.
 *
 * @example
 * const { deleted } = await deleteUser(store, userId);
 */
export function deleteUser(
  store: TransactionalStore,
  userId: string,
): Promise<FlowResult<{ deleted: DeletedUserRecord | null }>> {
  return runFlow(store, async (tx) => {
    const deleted = await tx.deleteUser(userId);
    if (deleted !== null) {
      await tx.emit({ type: "user.deleted", userId: deleted.id, externalId: deleted.externalId });
    }
    return { deleted };
  });
}
