import { ApiError } from "../../errors/api-error.js";
import type { EndedSessionStatus, SessionRecord } from "../../store/session-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/** The event each way of ending a session raises. */
const ENDED_EVENTS = {
  revoked: "session.revoked",
  ended: "session.ended",
  removed: "session.removed",
} as const satisfies Record<EndedSessionStatus, string>;

/**
 * Ends an active session: `revoked` (Backend API), `ended` (signed out) or `removed` (taken off
 * its client), raising `session.revoked` / `session.ended` / `session.removed` with it and its
 * user. A session that is no longer active is answered as it is, and raises nothing.
 *
 * @throws ApiError `resource_not_found` (`session_id`)
 * @example
 * const { session } = await endSession(store, sessionId, "revoked");
 */
export function endSession(
  store: TransactionalStore,
  sessionId: string,
  status: EndedSessionStatus,
): Promise<FlowResult<{ session: SessionRecord }>> {
  return runFlow(store, async (tx) => {
    const current = await tx.lockSession(sessionId);
    if (current === null) throw new ApiError("resource_not_found", { paramName: "session_id" });
    if (current.status !== "active") return { session: current };
    const session = await tx.setSessionStatus(sessionId, status);
    const user = await tx.getUser(session.userId);
    await tx.emit({ type: ENDED_EVENTS[status], session, user });
    return { session };
  });
}
