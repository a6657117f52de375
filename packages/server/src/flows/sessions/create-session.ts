import type { NewSession, SessionRecord } from "../../store/session-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Starts an active session for a user (on a new client unless `clientId` is given), the client's
 * last active one, and raises `session.created` with it and its user.
 *
 * @throws ApiError `resource_not_found` (`user_id`, `client_id`)
 * @example
 * const { session } = await createSession(store, { userId, expireAt, abandonAt });
 */
export function createSession(
  store: TransactionalStore,
  input: NewSession,
): Promise<FlowResult<{ session: SessionRecord }>> {
  return runFlow(store, async (tx) => {
    const session = await tx.insertSession(input);
    await tx.emit({ type: "session.created", session, user: await tx.getUser(session.userId) });
    return { session };
  });
}
