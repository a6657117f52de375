import { ApiError } from "../../../../errors/api-error.js";
import type { SessionRecord } from "../../../../store/session-store.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import { isUserLocked } from "../../../../wire/user-json.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";

/** The signed-in user a `/v1/me…` request acts as, and the session it came through. */
export interface SignedInUser {
  session: SessionRecord;
  user: UserRecord;
}

/**
 * Resolves the user of a Frontend API request: the client's session named by the
 * `_clerk_session_id` query parameter (what Clerk's browser SDK sends), else the client's last
 * active session. The session must be active and belong to this client; its user must exist and
 * be neither banned nor locked. Fails closed.
 *
 * @throws `signed_out` (401) without a client or an active session of it;
 *   `session_not_active` (401) when the user is banned or locked
 * @example
 * const { user, session } = await requireSignedInUser({ auth, store, request, now: clock.now() });
 */
export async function requireSignedInUser(context: {
  auth: FrontendRequest;
  store: Pick<Store, "getUser">;
  request: Request;
  now: number;
}): Promise<SignedInUser> {
  const client = context.auth.requireClient();
  const named = new URL(context.request.url).searchParams.get("_clerk_session_id");
  const sessionId = named || client.lastActiveSessionId;
  const session = client.sessions.find((s) => s.id === sessionId && s.status === "active");
  if (session === undefined) throw new ApiError("signed_out");
  const user = await context.store.getUser(session.userId);
  if (user === null) throw new ApiError("signed_out");
  if (user.banned || isUserLocked(user, context.now)) {
    throw new ApiError("session_not_active", {
      longMessage: "The session's user is banned or locked.",
    });
  }
  return { session, user };
}
