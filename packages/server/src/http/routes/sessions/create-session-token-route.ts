import { defineRoute } from "../../define-route.js";
import { sessionTokenAnswer } from "./token-answer.js";
import { tokenRequestBody } from "./token-request-body.js";

/**
 * `POST /v1/sessions/{session_id}/tokens`: a session token (`{ object: "token", jwt }`) for an
 * active session, `expires_in_seconds` overriding the default lifetime.
 */
export const createSessionTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/tokens",
  auth: "secret_key",
  body: tokenRequestBody,
  handler: async (context) =>
    sessionTokenAnswer(context, context.params.session_id, context.body.expires_in_seconds),
});
