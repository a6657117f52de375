import type { AnyRoute } from "../../../define-route.js";
import { createSessionTemplateTokenRoute } from "./create-session-template-token-route.js";
import { createSessionTokenRoute } from "./create-session-token-route.js";
import { endSessionRoute } from "./end-session-route.js";
import { removeClientSessionsRoute } from "./remove-client-sessions-route.js";
import { removeSessionRoute } from "./remove-session-route.js";
import { touchSessionRoute } from "./touch-session-route.js";

/** The `/v1/client/sessions` routes of the Frontend API. */
export const sessionsRoutes: readonly AnyRoute[] = [
  touchSessionRoute,
  endSessionRoute,
  removeSessionRoute,
  removeClientSessionsRoute,
  createSessionTokenRoute,
  createSessionTemplateTokenRoute,
];
