import { defineRoute } from "../../../define-route.js";
import { loadFrontendClient } from "../../../frontend-api/load-frontend-client.js";

/**
 * `POST /v1/client`: the requesting client, created (and set as `__client`) when the request has
 * none. Allowed without `Origin` or client token: an empty client grants nothing.
 */
export const createClientRoute = defineRoute({
  method: "POST",
  path: "/v1/client",
  auth: "client",
  allowAnonymous: true,
  handler: async ({ auth, store, imageBaseUrl, clock, settings }) =>
    loadFrontendClient(
      { store, imageBaseUrl, now: clock.now(), settings },
      await auth.ensureClient(),
    ),
});
