import { defineRoute } from "../../http/define-route.js";
import { requireActiveSession } from "../../sessions/require-active-session.js";
import { mintSessionTokenForRequest } from "../../tokens/mint-session-token-for-request.js";
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
  handler: async (context) => {
    const { params, body, store, clock, settings } = context;
    const now = clock.now();
    const { session } = await requireActiveSession(store, params.session_id, now);
    const jwt = await mintSessionTokenForRequest(context, session, {
      now,
      lifetimeSeconds: body.expires_in_seconds ?? settings.sessionTokenLifetimeSeconds,
    });
    return { object: "token", jwt };
  },
});
