import { templateTokenAnswer } from "./token-answer.js";
import { tokenRoute } from "./token-route.js";

/**
 * `POST /v1/sessions/{session_id}/tokens/{template_name}`: a token from the named JWT template for
 * an active session (`{ object: "token", jwt }`), `expires_in_seconds` overriding its lifetime.
 */
export const createSessionTemplateTokenRoute = tokenRoute(
  "/v1/sessions/{session_id}/tokens/{template_name}",
  (context) => templateTokenAnswer(context, context.params, context.body.expires_in_seconds),
);
