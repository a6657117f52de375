import type { AnyRoute } from "../../define-route.js";
import { clientRoutes } from "./client/client-routes.js";
import { createDevBrowserRoute } from "./dev-browser/create-dev-browser-route.js";
import { myEmailAddressesRoutes } from "./email-addresses/email-addresses-routes.js";
import { environmentRoutes } from "./environment/environment-routes.js";
import { handshakeRoute } from "./handshake/handshake-route.js";
import { getFrontendJwksRoute } from "./jwks/get-frontend-jwks-route.js";
import { meRoutes } from "./me/me-routes.js";
import { oauthCallbackRoute } from "./oauth/oauth-callback-route.js";
import { organizationsRoutes } from "./organizations/organizations-routes.js";
import { sessionsRoutes } from "./sessions/sessions-routes.js";
import { signInsRoutes } from "./sign-ins/sign-ins-routes.js";
import { signUpsRoutes } from "./sign-ups/sign-ups-routes.js";

/**
 * Every Frontend API route, served under the prefix (`/__clerk`). Add a resource's routes here
 * (e.g. `/v1/me`, the signed-in user's organizations) to extend the Frontend API.
 */
export const frontendApiRoutes: readonly AnyRoute[] = [
  ...environmentRoutes,
  getFrontendJwksRoute,
  handshakeRoute,
  createDevBrowserRoute,
  ...clientRoutes,
  ...signUpsRoutes,
  ...signInsRoutes,
  oauthCallbackRoute,
  ...sessionsRoutes,
  ...meRoutes,
  ...myEmailAddressesRoutes,
  ...organizationsRoutes,
];
