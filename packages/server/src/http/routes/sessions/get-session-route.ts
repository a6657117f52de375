import { ApiError } from "../../../errors/api-error.js";
import { sessionJson } from "../../../wire/session-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/sessions/{session_id}`. */
export const getSessionRoute = defineRoute({
  method: "GET",
  path: "/v1/sessions/{session_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const session = await store.getSession(params.session_id);
    if (session === null) throw new ApiError("resource_not_found", { paramName: "session_id" });
    return sessionJson(session);
  },
});
