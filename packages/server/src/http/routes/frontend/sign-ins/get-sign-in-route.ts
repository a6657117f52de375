import { defineRoute } from "../../../define-route.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { requireOwnSignIn } from "./require-own-sign-in.js";

/** `GET /v1/client/sign_ins/{sign_in_id}`: a sign-in of the requesting client. */
export const getSignInRoute = defineRoute({
  method: "GET",
  path: "/v1/client/sign_ins/{sign_in_id}",
  auth: "client",
  handler: async ({ params, store, auth, imageBaseUrl, clock, settings }) =>
    loadFrontendSignIn(
      { store, imageBaseUrl, now: clock.now(), settings },
      await requireOwnSignIn(store, auth, params.sign_in_id),
    ),
});
