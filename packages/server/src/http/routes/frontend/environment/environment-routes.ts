import type { AnyRoute } from "../../../define-route.js";
import { getEnvironmentRoute } from "./get-environment-route.js";
import { updateEnvironmentRoute } from "./update-environment-route.js";

/** The `/v1/environment` routes of the Frontend API. */
export const environmentRoutes: readonly AnyRoute[] = [getEnvironmentRoute, updateEnvironmentRoute];
