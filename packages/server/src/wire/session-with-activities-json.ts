import type { SessionRecord } from "../store/session-store.js";
import { sessionStateJson } from "./session-state-json.js";

/**
 * A session as `/v1/me/sessions…` answers it (Clerk's `SessionWithActivities`): the session's
 * state and its `latest_activity`. The instance records no device or location, so the activity
 * carries only its id and `is_mobile: false`.
 *
 * @example
 * sessionWithActivitiesJson(session).latest_activity; // { object: "session_activity", id, is_mobile: false }
 */
export function sessionWithActivitiesJson(session: SessionRecord) {
  return {
    ...sessionStateJson(session),
    latest_activity: {
      object: "session_activity" as const,
      id: `sess_activity_${session.id}`,
      is_mobile: false,
    },
  };
}
