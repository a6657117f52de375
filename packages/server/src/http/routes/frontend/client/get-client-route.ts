import { defineRoute } from "../../../define-route.js";

/**
 * `GET /v1/client`: the requesting client (`response: null` when the request has none), each
 * active session with a fresh `last_active_token`.
 */
export const getClientRoute = defineRoute({
  method: "GET",
  path: "/v1/client",
  auth: "client",
  handler: ({ auth }) => auth.clientJson(),
});
