import type { AnyRoute } from "../../define-route.js";
import { getClientRoute } from "./get-client-route.js";
import { verifyClientRoute } from "./verify-client-route.js";

/** The `/v1/clients` routes (`verify` before `{client_id}` so the literal path wins). */
export const clientsRoutes: readonly AnyRoute[] = [verifyClientRoute, getClientRoute];
