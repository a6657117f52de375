import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { defineRoute } from "../../define-route.js";
import { hashClientToken, looksLikeClientToken } from "../../frontend-api/client-token.js";

/**
 * `GET /v1/clients/handshake_payload?nonce=…`: the cookie directives a Frontend API handshake
 * left behind its nonce, `{ directives: [...] }`, handed out once and only within the payload's
 * lifetime (see `packHandshake`). What Clerk's server SDKs call to resolve `format=nonce`.
 *
 * @throws `resource_not_found` (404, param `nonce`) for an unknown, used or expired nonce
 */
export const getHandshakePayloadRoute = defineRoute({
  method: "GET",
  path: "/v1/clients/handshake_payload",
  auth: "secret_key",
  query: z.object({ nonce: z.string().min(1) }),
  handler: async ({ query, store, clock }) => {
    const directives = looksLikeClientToken(query.nonce)
      ? await store.takeHandshakePayload(hashClientToken(query.nonce), clock.now())
      : null;
    if (directives === null) throw new ApiError("resource_not_found", { paramName: "nonce" });
    return { directives };
  },
});
