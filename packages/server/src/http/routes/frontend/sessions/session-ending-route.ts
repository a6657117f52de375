import { endSession } from "../../../../flows/sessions/end-session.js";
import { type AnyRoute, defineRoute } from "../../../define-route.js";
import { loadFrontendSession } from "../../../frontend-api/load-frontend-client.js";

/**
 * Builds `POST /v1/client/sessions/{session_id}/end` or `…/remove`: the session of the requesting
 * client leaves the `active` status (event `session.ended` / `session.removed`); when no active
 * session is left, `__session` is cleared and `__client_uat=0`.
 */
export function sessionEndingRoute(action: "end" | "remove"): AnyRoute {
  return defineRoute({
    method: "POST",
    path: `/v1/client/sessions/{session_id}/${action}`,
    auth: "client",
    handler: async ({ params, auth, store, imageBaseUrl, clock, settings }) => {
      const own = auth.requireOwnSession(params.session_id);
      const { session } = await endSession(store, own.id, action === "end" ? "ended" : "removed");
      const client = await auth.reloadClient();
      if (!client?.sessions.some((s) => s.status === "active")) auth.signedOut();
      return loadFrontendSession({ store, imageBaseUrl, now: clock.now(), settings }, session);
    },
  });
}
