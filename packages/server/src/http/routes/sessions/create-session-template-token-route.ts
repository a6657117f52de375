import { mintTemplateTokenForSession } from "../../../flows/sessions/mint-template-token-for-session.js";
import { defineRoute } from "../../define-route.js";
import { tokenRequestBody } from "./token-request-body.js";

/**
 * `POST /v1/sessions/{session_id}/tokens/{template_name}`: a token from the named JWT template for
 * an active session (`{ object: "token", jwt }`).
 */
export const createSessionTemplateTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/tokens/{template_name}",
  auth: "secret_key",
  body: tokenRequestBody,
  handler: async (context) => {
    const { params, body, clock } = context;
    const jwt = await mintTemplateTokenForSession(context, {
      sessionId: params.session_id,
      templateName: params.template_name,
      now: clock.now(),
      lifetimeSeconds: body.expires_in_seconds,
    });
    return { object: "token", jwt };
  },
});
