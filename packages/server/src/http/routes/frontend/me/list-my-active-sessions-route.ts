import { sessionWithActivitiesJson } from "../../../../wire/session-with-activities-json.js";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/** How many of a user's active sessions the list shows (Clerk's UI shows them all on one page). */
const MAX_LISTED = 100;

/**
 * `GET /v1/me/sessions/active`: the signed-in user's active sessions on every client, newest
 * first, each with its `latest_activity` — a bare JSON array, without the `{ response, client }`
 * envelope (clerk-js reads this answer's payload itself: `<UserProfile/>`'s active devices).
 *
 * @throws `signed_out` (401), `session_not_active` (401)
 */
export const listMyActiveSessionsRoute = defineRoute({
  method: "GET",
  path: "/v1/me/sessions/active",
  auth: "client",
  handler: async ({ auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const sessions = await store.listSessions(
      { userId: user.id, status: "active" },
      { limit: MAX_LISTED, offset: 0 },
    );
    return jsonResponse(sessions.map(sessionWithActivitiesJson));
  },
});
