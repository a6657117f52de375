import { sessionTokenAnswer } from "./token-answer.js";
import { tokenRoute } from "./token-route.js";

/**
 * `POST /v1/sessions/{session_id}/tokens`: a session token (`{ object: "token", jwt }`) for an
 * active session, `expires_in_seconds` overriding the default lifetime.
 */
export const createSessionTokenRoute = tokenRoute("/v1/sessions/{session_id}/tokens", (context) =>
  sessionTokenAnswer(context, context.params.session_id, context.body.expires_in_seconds),
);
