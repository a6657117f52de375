import type { WebhookEndpointRecord } from "../store/webhook-store.js";

/** Wire form of a webhook endpoint (`object: "webhook_endpoint"`). */
export interface WebhookEndpointJson {
  object: "webhook_endpoint";
  id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  description: string | null;
  created_at: number;
  updated_at: number;
  /** Only in the answers of creation and secret rotation. */
  secret?: string;
}

/**
 * Serialises an endpoint. The secret is included only when given, which the routes do once: when
 * the endpoint is created and when its secret is rotated.
 *
 * @example
 * webhookEndpointJson(endpoint); // { object: "webhook_endpoint", id: "whe_…", url, … }
 * webhookEndpointJson(endpoint, secret); // the same, plus `secret: "whsec_…"`
 */
export function webhookEndpointJson(
  endpoint: WebhookEndpointRecord,
  secret?: string,
): WebhookEndpointJson {
  return {
    object: "webhook_endpoint",
    id: endpoint.id,
    url: endpoint.url,
    event_types: [...endpoint.eventTypes],
    enabled: endpoint.enabled,
    description: endpoint.description,
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
    ...(secret === undefined ? {} : { secret }),
  };
}
