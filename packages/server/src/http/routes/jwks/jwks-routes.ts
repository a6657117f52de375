import type { AnyRoute } from "../../define-route.js";
import { getJwksRoute } from "./get-jwks-route.js";
import {
  getFrontendApiWellKnownJwksRoute,
  getWellKnownJwksRoute,
} from "./get-well-known-jwks-route.js";

/** The JWKS routes: `/v1/jwks` (secret key) and the public well-known documents. */
export const jwksRoutes: readonly AnyRoute[] = [
  getJwksRoute,
  getWellKnownJwksRoute,
  getFrontendApiWellKnownJwksRoute,
];
