import { z } from "zod";
import { webhookDeliveryJson } from "../../../wire/webhook-delivery-json.js";
import { defineRoute } from "../../define-route.js";
import { queryText } from "../../query-params.js";
import { pageOf, pagingQuery } from "./webhook-route-input.js";

const status = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value),
  z.enum(["pending", "failed", "succeeded", "dead"]).optional(),
);

/**
 * `GET /v1/webhooks/deliveries`: delivery states newest first, `{ data, total_count }`; filters
 * `status` (`dead` gives the dead-letter list), `endpoint_id`, `event_id`.
 */
export const listWebhookDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/v1/webhooks/deliveries",
  auth: "secret_key",
  query: z.object({
    ...pagingQuery,
    status,
    endpoint_id: queryText(),
    event_id: queryText(),
  }),
  handler: async ({ query, store }) => {
    const { data, totalCount } = await store.listWebhookDeliveries(
      {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.endpoint_id === undefined ? {} : { endpointId: query.endpoint_id }),
        ...(query.event_id === undefined ? {} : { eventId: query.event_id }),
      },
      pageOf(query),
    );
    return { data: data.map(webhookDeliveryJson), total_count: totalCount };
  },
});
