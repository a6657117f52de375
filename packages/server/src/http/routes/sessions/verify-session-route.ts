import { ApiError } from "../../../errors/api-error.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/sessions/{session_id}/verify`: Clerk's deprecated networked check of a session token,
 * absent from the Backend API spec. Always 410 `use_verify_token` (the spec's answer for
 * deprecated endpoints), whatever the session or body: never a 404 that would read as a missing
 * session. Tokens are verified where they arrive, with `verifyToken`.
 *
 * @throws `use_verify_token` (410)
 */
export const verifySessionRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/verify",
  auth: "secret_key",
  handler: async () => {
    throw new ApiError("use_verify_token");
  },
});
