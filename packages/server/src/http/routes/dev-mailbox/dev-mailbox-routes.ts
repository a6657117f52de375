import type { AnyRoute } from "../../define-route.js";
import { getDevMailboxRoute } from "./get-dev-mailbox-route.js";

/** The development mailbox's routes (served in development mode only). */
export const devMailboxRoutes: readonly AnyRoute[] = [getDevMailboxRoute];
