import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";
import { templateTokenAnswer } from "../../sessions/token-answer.js";

/**
 * `POST /v1/client/sessions/{session_id}/tokens/{template_name}`: a token from a JWT template for
 * an active session of the requesting client, `{ object: "token", jwt }`. Does not touch
 * `__session`.
 *
 * @throws `signed_out` (401), `resource_not_found` (404), `session_not_active` (401)
 */
export const createSessionTemplateTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sessions/{session_id}/tokens/{template_name}",
  auth: "client",
  handler: async (context) => {
    context.auth.requireOwnSession(context.params.session_id);
    return jsonResponse(await templateTokenAnswer(context, context.params));
  },
});
