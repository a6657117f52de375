import type { AnyRoute } from "../../define-route.js";
import { getClientRoute } from "./get-client-route.js";
import { getHandshakePayloadRoute } from "./get-handshake-payload-route.js";
import { verifyClientRoute } from "./verify-client-route.js";

/** The `/v1/clients` routes (literal paths before `{client_id}` so they win). */
export const clientsRoutes: readonly AnyRoute[] = [
  verifyClientRoute,
  getHandshakePayloadRoute,
  getClientRoute,
];
