import { jwksJson } from "../../../wire/jwks-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/jwks`: the instance's public JSON Web Key Set (secret key required). */
export const getJwksRoute = defineRoute({
  method: "GET",
  path: "/v1/jwks",
  auth: "secret_key",
  handler: async ({ signingKeys }) => jwksJson(await signingKeys.publishedKeys()),
});
