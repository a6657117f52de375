import type { AnyRoute } from "../../define-route.js";
import { createSessionRoute } from "./create-session-route.js";
import { createSessionTemplateTokenRoute } from "./create-session-template-token-route.js";
import { createSessionTokenRoute } from "./create-session-token-route.js";
import { getSessionRoute } from "./get-session-route.js";
import { listSessionsRoute } from "./list-sessions-route.js";
import { revokeSessionRoute } from "./revoke-session-route.js";
import { verifySessionRoute } from "./verify-session-route.js";

/** The `/v1/sessions` routes. */
export const sessionsRoutes: readonly AnyRoute[] = [
  listSessionsRoute,
  createSessionRoute,
  getSessionRoute,
  revokeSessionRoute,
  createSessionTokenRoute,
  createSessionTemplateTokenRoute,
  verifySessionRoute,
];
