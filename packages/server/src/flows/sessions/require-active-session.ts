import { ApiError } from "../../errors/api-error.js";
import type { SessionRecord } from "../../store/session-store.js";
import type { Store, UserRecord } from "../../store/store.js";

/**
 * Loads a session that may be issued tokens, with its user: the session must exist, be active,
 * and its user must be neither banned nor locked.
 *
 * @throws `resource_not_found` (`session_id`) for an unknown session; `session_not_active` when
 *   the session is not active or its user is banned or locked
 * @example
 * const { session, user } = await requireActiveSession(store, params.session_id, clock.now());
 */
export async function requireActiveSession(
  store: Pick<Store, "getSession" | "getUser">,
  sessionId: string,
  now: number,
): Promise<{ session: SessionRecord; user: UserRecord }> {
  const session = await store.getSession(sessionId);
  if (session === null) throw new ApiError("resource_not_found", { paramName: "session_id" });
  if (session.status !== "active") {
    throw new ApiError("session_not_active", {
      longMessage: `The session is ${session.status}; tokens are only issued for active sessions.`,
      meta: { session_status: session.status },
    });
  }
  const user = await store.getUser(session.userId);
  const locked =
    user !== null &&
    user.lockedAt !== null &&
    (user.lockoutExpiresAt === null || user.lockoutExpiresAt > now);
  if (user === null || user.banned || locked) {
    throw new ApiError("session_not_active", {
      longMessage: "The session's user is banned or locked; no tokens are issued.",
    });
  }
  return { session, user };
}
