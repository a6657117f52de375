import { endSession } from "../../../flows/sessions/end-session.js";
import { sessionJson } from "../../../wire/session-json.js";
import { defineRoute } from "../../define-route.js";

/** `POST /v1/sessions/{session_id}/revoke`: status `revoked`; emits `session.revoked`. */
export const revokeSessionRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/revoke",
  auth: "secret_key",
  handler: async ({ params, store }) =>
    sessionJson((await endSession(store, params.session_id, "revoked")).session),
});
