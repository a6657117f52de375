import { defineRoute } from "../../../define-route.js";
import { loadFrontendUser } from "../../../frontend-api/load-frontend-client.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `GET /v1/me`: the signed-in user (of `_clerk_session_id`, else the client's last active
 * session), with organization memberships.
 *
 * @throws `signed_out` (401), `session_not_active` (401)
 */
export const getMeRoute = defineRoute({
  method: "GET",
  path: "/v1/me",
  auth: "client",
  handler: async ({ auth, store, request, clock, imageBaseUrl, settings }) => {
    const now = clock.now();
    const { user } = await requireSignedInUser({ auth, store, request, now });
    return loadFrontendUser({ store, imageBaseUrl, now, settings }, user);
  },
});
