import { endClientSessions } from "../../../../flows/sessions/end-client-sessions.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendClient } from "../../../frontend-api/load-frontend-client.js";

/**
 * `DELETE /v1/client/sessions` (clerk-js: `POST …?_method=DELETE`, its `signOut()`): signs out
 * every session of the requesting client (`session.ended` for each, as `…/{session_id}/end`) and
 * keeps the client and its `__client` cookie; `__session` is cleared and `__client_uat=0`. The
 * answer is the client, as `response` and as `client`.
 *
 * @throws `signed_out` (401) without a client
 */
export const removeClientSessionsRoute = defineRoute({
  method: "DELETE",
  path: "/v1/client/sessions",
  auth: "client",
  handler: async ({ auth, store, imageBaseUrl, clock, settings }) => {
    await endClientSessions(store, auth.requireClient(), "ended");
    auth.signedOut();
    const current = await auth.reloadClient();
    return current === null
      ? null
      : loadFrontendClient({ store, imageBaseUrl, now: clock.now(), settings }, current);
  },
});
