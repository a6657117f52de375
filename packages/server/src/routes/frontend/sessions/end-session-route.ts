import { defineFrontendRoute } from "../../../frontend-api/define-frontend-route.js";
import { loadFrontendSession } from "../../../frontend-api/load-frontend-client.js";

function endingRoute(action: "end" | "remove") {
  return defineFrontendRoute({
    method: "POST",
    path: `/v1/client/sessions/{session_id}/${action}`,
    handler: async ({ params, auth, store, baseUrl, clock, settings }) => {
      const own = auth.requireOwnSession(params.session_id);
      const session =
        action === "end" ? await store.endSession(own.id) : await store.removeSession(own.id);
      const client = await auth.reloadClient();
      if (!client?.sessions.some((s) => s.status === "active")) auth.signedOut();
      return loadFrontendSession({ store, baseUrl, now: clock.now(), settings }, session);
    },
  });
}

/**
 * `POST /v1/client/sessions/{session_id}/end`: signs one session out (`session.ended`). When no
 * active session is left, `__session` is cleared and `__client_uat=0`.
 */
export const endSessionRoute = endingRoute("end");

/** `POST /v1/client/sessions/{session_id}/remove`: like `end`, status `removed` (`session.removed`). */
export const removeSessionRoute = endingRoute("remove");
