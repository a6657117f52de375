import type { Queryable } from "../database.js";
import { translateOrganizationConflict } from "../organization-errors.js";
import type { Store } from "../store.js";
import type { TransactionalStore } from "../store-transaction.js";
import { sqlInvitationTransaction } from "./sql-invitation-transaction.js";
import { sqlOrganizationTransaction } from "./sql-organization-transaction.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/**
 * `Store.transaction`: the flows' verbs over one database transaction — the store's own (made by
 * `joinedStore` over the transaction) and the row-level ones.
 */
export function sqlStoreTransaction(
  context: SqlStoreContext,
  joinedStore: (tx: Queryable) => Store,
): TransactionalStore {
  const { db, clock, emit } = context;
  return {
    async transaction(fn) {
      try {
        return await db.transaction((tx) =>
          fn({
            ...joinedStore(tx),
            ...sqlOrganizationTransaction(context, tx),
            ...sqlInvitationTransaction(context, tx),
            now: () => clock.now(),
            emit: (event) => emit(tx, event),
          }),
        );
      } catch (error) {
        throw translateOrganizationConflict(error);
      }
    },
  };
}
