import { sessionEndingRoute } from "./session-ending-route.js";

/** `POST /v1/client/sessions/{session_id}/end`: signs one session out (`session.ended`). */
export const endSessionRoute = sessionEndingRoute("end");
