import type { SessionStore } from "../../store/session-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { endSession } from "./end-session.js";

/**
 * Revokes every active session of a user (a ban ends them at once, as Clerk does): each gets
 * status `revoked` and a `session.revoked` event. Tokens already issued expire within their
 * lifetime; none can be renewed.
 *
 * @example
 * await revokeUserSessions(store, "user_123");
 */
export async function revokeUserSessions(
  store: SessionStore & TransactionalStore,
  userId: string,
): Promise<number> {
  let revoked = 0;
  for (;;) {
    const active = await store.listSessions(
      { userId, status: "active" },
      { limit: 100, offset: 0 },
    );
    for (const session of active) await endSession(store, session.id, "revoked");
    revoked += active.length;
    if (active.length < 100) return revoked;
  }
}
