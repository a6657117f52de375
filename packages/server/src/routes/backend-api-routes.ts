import type { AnyRoute } from "../http/define-route.js";
import { healthRoute } from "./health-route.js";

/** Every Backend API route the instance serves, in one list. */
export const backendApiRoutes: readonly AnyRoute[] = [healthRoute];
