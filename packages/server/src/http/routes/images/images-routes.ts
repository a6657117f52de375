import type { AnyRoute } from "../../define-route.js";
import { getImageRoute } from "./get-image-route.js";

/** The public image routes. */
export const imagesRoutes: readonly AnyRoute[] = [getImageRoute];
