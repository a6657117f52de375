import { defineRoute } from "../../define-route.js";
import { templateTokenAnswer } from "./token-answer.js";
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
  handler: async (context) =>
    templateTokenAnswer(context, context.params, context.body.expires_in_seconds),
});
