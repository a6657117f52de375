import type { ClientRecord, EndedSessionStatus, SessionRecord } from "../../store/session-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { endSession } from "./end-session.js";

/**
 * Ends every active session of a client through {@link endSession} (so each raises the same
 * event as ending it alone: `session.ended` for `ended`), oldest first. Sessions that are no
 * longer active are left as they are. The client itself is kept.
 *
 * @example
 * const ended = await endClientSessions(store, auth.requireClient(), "ended");
 */
export async function endClientSessions(
  store: TransactionalStore,
  client: Pick<ClientRecord, "sessions">,
  status: EndedSessionStatus,
): Promise<SessionRecord[]> {
  const ended: SessionRecord[] = [];
  for (const session of client.sessions) {
    if (session.status !== "active") continue;
    ended.push((await endSession(store, session.id, status)).session);
  }
  return ended;
}
