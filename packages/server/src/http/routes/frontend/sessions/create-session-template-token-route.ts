import { mintTemplateTokenForSession } from "../../../../flows/sessions/mint-template-token-for-session.js";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";

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
    const { params, auth, clock } = context;
    auth.requireOwnSession(params.session_id);
    const jwt = await mintTemplateTokenForSession(context, {
      sessionId: params.session_id,
      templateName: params.template_name,
      now: clock.now(),
    });
    return jsonResponse({ object: "token", jwt });
  },
});
