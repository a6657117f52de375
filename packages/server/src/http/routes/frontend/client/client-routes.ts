import type { AnyRoute } from "../../../define-route.js";
import { createClientRoute } from "./create-client-route.js";
import { deleteClientRoute } from "./delete-client-route.js";
import { getClientRoute } from "./get-client-route.js";

/** The `/v1/client` routes of the Frontend API. */
export const clientRoutes: readonly AnyRoute[] = [
  getClientRoute,
  createClientRoute,
  deleteClientRoute,
];
