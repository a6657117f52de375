import { ApiError } from "../../../../errors/api-error.js";
import { endSession } from "../../../../flows/sessions/end-session.js";
import { sessionWithActivitiesJson } from "../../../../wire/session-with-activities-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `POST /v1/me/sessions/{session_id}/revoke`: signs the user out on another device
 * (`<UserProfile/>`'s active devices). The session must be the signed-in user's own; it is
 * revoked (`session.revoked`) and answered as `/v1/me/sessions/active` lists it.
 *
 * @throws `signed_out` (401), `session_not_active` (401); `resource_not_found` (404,
 *   `session_id`) for a session that is not the user's
 */
export const revokeMySessionRoute = defineRoute({
  method: "POST",
  path: "/v1/me/sessions/{session_id}/revoke",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const target = await store.getSession(params.session_id);
    if (target === null || target.userId !== user.id) {
      throw new ApiError("resource_not_found", { paramName: "session_id" });
    }
    const { session } = await endSession(store, target.id, "revoked");
    return sessionWithActivitiesJson(session);
  },
});
