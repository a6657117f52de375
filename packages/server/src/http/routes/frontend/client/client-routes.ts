import type { AnyFrontendRoute } from "../../../frontend-api/define-frontend-route.js";
import { createClientRoute } from "./create-client-route.js";
import { deleteClientRoute } from "./delete-client-route.js";
import { getClientRoute } from "./get-client-route.js";

/** The `/v1/client` routes of the Frontend API. */
export const clientRoutes: readonly AnyFrontendRoute[] = [
  getClientRoute,
  createClientRoute,
  deleteClientRoute,
];
