import type { AnyRoute } from "../../define-route.js";
import { createJwtTemplateRoute } from "./create-jwt-template-route.js";
import { deleteJwtTemplateRoute } from "./delete-jwt-template-route.js";
import { getJwtTemplateRoute } from "./get-jwt-template-route.js";
import { listJwtTemplatesRoute } from "./list-jwt-templates-route.js";
import { updateJwtTemplateRoute } from "./update-jwt-template-route.js";

/** The `/v1/jwt_templates` routes. */
export const jwtTemplatesRoutes: readonly AnyRoute[] = [
  listJwtTemplatesRoute,
  createJwtTemplateRoute,
  getJwtTemplateRoute,
  updateJwtTemplateRoute,
  deleteJwtTemplateRoute,
];
