import type { SigningKeyRing } from "../../../tokens/signing-key-ring.js";
import { jwksJson } from "../../../wire/jwks-json.js";
import { defineRoute } from "../../define-route.js";
import { jsonResponse } from "../../json-response.js";

async function publicJwks(signingKeys: SigningKeyRing): Promise<Response> {
  return jsonResponse(jwksJson(await signingKeys.publishedKeys()), 200, {
    "Cache-Control": "public, max-age=300",
  });
}

/** `GET /.well-known/jwks.json`: the same keys as `/v1/jwks`, public. */
export const getWellKnownJwksRoute = defineRoute({
  method: "GET",
  path: "/.well-known/jwks.json",
  auth: "public",
  handler: ({ signingKeys }) => publicJwks(signingKeys),
});

/** `GET /__clerk/.well-known/jwks.json`: the public JWKS under the Frontend API prefix. */
export const getFrontendApiWellKnownJwksRoute = defineRoute({
  method: "GET",
  path: "/__clerk/.well-known/jwks.json",
  auth: "public",
  handler: ({ signingKeys }) => publicJwks(signingKeys),
});
