import { defineRoute } from "../../http/define-route.js";
import { sessionJson } from "../../resources/session-json.js";

/** `POST /v1/sessions/{session_id}/revoke`: status `revoked`; emits `session.revoked`. */
export const revokeSessionRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/revoke",
  auth: "secret_key",
  handler: async ({ params, store }) => sessionJson(await store.revokeSession(params.session_id)),
});
