import { defineRoute } from "../../../define-route.js";
import { loadFrontendClient } from "../../../frontend-api/load-frontend-client.js";

/** `GET /v1/client`: the requesting client (`response: null` when the request has none). */
export const getClientRoute = defineRoute({
  method: "GET",
  path: "/v1/client",
  auth: "client",
  handler: async ({ auth, store, baseUrl, clock, settings }) =>
    auth.client === null
      ? null
      : loadFrontendClient({ store, baseUrl, now: clock.now(), settings }, auth.client),
});
