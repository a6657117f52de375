import { defineRoute } from "../../http/define-route.js";
import { jwksJson } from "../../resources/jwks-json.js";

/** `GET /v1/jwks`: the instance's public JSON Web Key Set (secret key required). */
export const getJwksRoute = defineRoute({
  method: "GET",
  path: "/v1/jwks",
  auth: "secret_key",
  handler: async ({ signingKeys }) => jwksJson(await signingKeys.publishedKeys()),
});
