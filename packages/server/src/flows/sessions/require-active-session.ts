import { ApiError } from "../../errors/api-error.js";
import type { SessionRecord, UserStanding } from "../../store/session-store.js";
import type { Store, UserRecord } from "../../store/store.js";

/**
 * Whether a user may be issued tokens at `now`: neither banned nor locked (a lock without an
 * expiry lasts until lifted).
 *
 * @example
 * if (session.status === "active" && mayBeIssuedTokens(standing, now)) mint(session);
 */
export function mayBeIssuedTokens(user: UserStanding, now: number): boolean {
  const locked =
    user.lockedAt !== null && (user.lockoutExpiresAt === null || user.lockoutExpiresAt > now);
  return !user.banned && !locked;
}

/**
 * A session that may be issued tokens, with its user: the session must exist, be active, and its
 * user must be neither banned nor locked at `now`. The one rule behind {@link requireActiveSession}
 * and a Frontend API request's own sessions (read with its client).
 *
 * @throws `resource_not_found` (`session_id`) for no session; `session_not_active` when the session
 *   is not active or its user is gone, banned or locked
 * @example
 * const { session } = checkSessionIssuable(session, client.userStandings.find(byId), now);
 */
export function checkSessionIssuable<U extends UserStanding>(
  session: SessionRecord | null,
  user: U | null | undefined,
  now: number,
): { session: SessionRecord; user: U } {
  if (session === null) throw new ApiError("resource_not_found", { paramName: "session_id" });
  if (session.status !== "active") {
    throw new ApiError("session_not_active", {
      longMessage: `The session is ${session.status}; tokens are only issued for active sessions.`,
      meta: { session_status: session.status },
    });
  }
  if (user == null || !mayBeIssuedTokens(user, now)) {
    throw new ApiError("session_not_active", {
      longMessage: "The session's user is banned or locked; no tokens are issued.",
    });
  }
  return { session, user };
}

/**
 * Loads a session that may be issued tokens, with its user (see {@link checkSessionIssuable}).
 * Both are read from the database, together in one round trip, on every call: nothing about a
 * session is remembered between requests.
 *
 * @throws `resource_not_found` (`session_id`) for an unknown session; `session_not_active` when
 *   the session is not active or its user is banned or locked
 * @example
 * const { session, user } = await requireActiveSession(store, params.session_id, clock.now());
 */
export async function requireActiveSession(
  store: Pick<Store, "getSessionWithUser">,
  sessionId: string,
  now: number,
): Promise<{ session: SessionRecord; user: UserRecord }> {
  const found = await store.getSessionWithUser(sessionId);
  return checkSessionIssuable(found?.session ?? null, found?.user, now);
}
