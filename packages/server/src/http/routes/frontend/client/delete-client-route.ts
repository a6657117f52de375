import { endClientSessions } from "../../../../flows/sessions/end-client-sessions.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendClient } from "../../../frontend-api/load-frontend-client.js";

/**
 * `DELETE /v1/client`: signs out every session of the requesting client (`session.ended` for
 * each), clears `__session` and sets `__client_uat=0`. Token renewal stops at once.
 *
 * @throws `signed_out` (401) without a client
 */
export const deleteClientRoute = defineRoute({
  method: "DELETE",
  path: "/v1/client",
  auth: "client",
  handler: async ({ auth, store, imageBaseUrl, clock, settings }) => {
    const client = auth.requireClient();
    await endClientSessions(store, client, "ended");
    await store.setClientAttempts(client.id, { signInId: null, signUpId: null });
    auth.signedOut();
    const current = await auth.reloadClient();
    return current === null
      ? null
      : loadFrontendClient({ store, imageBaseUrl, now: clock.now(), settings }, current);
  },
});
