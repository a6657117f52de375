import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { clientJson } from "../../../wire/client-json.js";
import { defineRoute } from "../../define-route.js";
import { hashClientToken, looksLikeClientToken } from "../../frontend-api/client-token.js";

/**
 * `POST /v1/clients/verify`: the client a client token (the `__client` cookie) stands for.
 * A token that is malformed or not signed by the instance → 400 `client_token_invalid`; a token
 * whose client no longer exists → 404.
 */
export const verifyClientRoute = defineRoute({
  method: "POST",
  path: "/v1/clients/verify",
  auth: "secret_key",
  body: z.strictObject({ token: z.string().min(1) }),
  handler: async ({ body, store }) => {
    if (!looksLikeClientToken(body.token)) {
      throw new ApiError("client_token_invalid", { paramName: "token" });
    }
    const client = await store.getClientByTokenHash(hashClientToken(body.token));
    if (client === null) throw new ApiError("resource_not_found", { paramName: "token" });
    return clientJson(client);
  },
});
