import { ApiError } from "../../../errors/api-error.js";
import { clientJson } from "../../../wire/client-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/clients/{client_id}`: a client with its sessions. */
export const getClientRoute = defineRoute({
  method: "GET",
  path: "/v1/clients/{client_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const client = await store.getClient(params.client_id);
    if (client === null) throw new ApiError("resource_not_found", { paramName: "client_id" });
    return clientJson(client);
  },
});
