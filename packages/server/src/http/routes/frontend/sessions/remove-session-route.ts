import { sessionEndingRoute } from "./session-ending-route.js";

/** `POST /v1/client/sessions/{session_id}/remove`: removes one session (`session.removed`). */
export const removeSessionRoute = sessionEndingRoute("remove");
