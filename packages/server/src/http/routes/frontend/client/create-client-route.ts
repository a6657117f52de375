import { defineFrontendRoute } from "../../../frontend-api/define-frontend-route.js";
import { loadFrontendClient } from "../../../frontend-api/load-frontend-client.js";

/**
 * `POST /v1/client`: the requesting client, created (and set as `__client`) when the request has
 * none. Allowed without `Origin` or client token: an empty client grants nothing.
 */
export const createClientRoute = defineFrontendRoute({
  method: "POST",
  path: "/v1/client",
  allowAnonymous: true,
  handler: async ({ auth, store, baseUrl, clock, settings }) =>
    loadFrontendClient({ store, baseUrl, now: clock.now(), settings }, await auth.ensureClient()),
});
