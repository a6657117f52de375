import { jwksJson } from "../../../../wire/jwks-json.js";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";

/**
 * `GET {prefix}/.well-known/jwks.json`: the instance's public keys (the same as the Backend API's
 * `/v1/jwks`), for browsers and native apps; cacheable for five minutes.
 */
export const getFrontendJwksRoute = defineRoute({
  method: "GET",
  path: "/.well-known/jwks.json",
  auth: "client",
  handler: async ({ signingKeys }) =>
    jsonResponse(jwksJson(await signingKeys.publishedKeys()), 200, {
      "Cache-Control": "public, max-age=300",
    }),
});
