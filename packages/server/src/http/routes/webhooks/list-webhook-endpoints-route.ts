import { z } from "zod";
import { webhookEndpointJson } from "../../../wire/webhook-endpoint-json.js";
import { defineRoute } from "../../define-route.js";
import { pageOf, pagingQuery } from "./webhook-route-input.js";

/** `GET /v1/webhooks/endpoints`: endpoints oldest first, `{ data, total_count }`, never their secrets. */
export const listWebhookEndpointsRoute = defineRoute({
  method: "GET",
  path: "/v1/webhooks/endpoints",
  auth: "secret_key",
  query: z.object(pagingQuery),
  handler: async ({ query, store }) => {
    const { data, totalCount } = await store.listWebhookEndpoints(pageOf(query));
    return { data: data.map((endpoint) => webhookEndpointJson(endpoint)), total_count: totalCount };
  },
});
