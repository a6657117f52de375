import { confirmedDelete } from "../../console-delete-card.js";

/** Deleting a webhook endpoint from its page, once its id is typed. */
export const endpointDeletion = confirmedDelete({
  collection: "/webhooks",
  noun: "endpoint",
  explanation:
    "Deletes the endpoint and its delivery history; events are no longer sent to it. This cannot be undone.",
  action: "webhook_endpoint.delete",
  apiPath: (id) => `/v1/webhooks/endpoints/${id}`,
  success: () => "Endpoint deleted.",
});
