import type { StoreEvent } from "../store/store-events.js";
import type { StoreTransaction, TransactionalStore } from "../store/store-transaction.js";

/** What a flow answers: its records, and the events it raised (written to the outbox with them). */
export type FlowResult<T> = T & { events: StoreEvent[] };

/**
 * Runs a flow's body over one store transaction and answers what it returned together with the
 * events it raised through `tx.emit`.
 *
 * @example
 * const { organization, events } = await runFlow(store, async (tx) => ({ organization: … }));
 */
export async function runFlow<T extends object>(
  store: TransactionalStore,
  body: (tx: StoreTransaction) => Promise<T>,
): Promise<FlowResult<T>> {
  const events: StoreEvent[] = [];
  const value = await store.transaction((tx) =>
    body({
      ...tx,
      emit: async (event) => {
        await tx.emit(event);
        events.push(event);
      },
    }),
  );
  return { ...value, events };
}
