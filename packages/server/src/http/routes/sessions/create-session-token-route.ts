import { mintSessionTokenForRequest } from "../../../flows/sessions/mint-session-token-for-request.js";
import { requireActiveSession } from "../../../flows/sessions/require-active-session.js";
import { defineRoute } from "../../define-route.js";
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
