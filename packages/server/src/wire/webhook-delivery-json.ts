import type { WebhookDeliveryRecord, WebhookDeliveryStatus } from "../store/webhook-store.js";

/** Wire form of a webhook delivery (`object: "webhook_delivery"`). */
export interface WebhookDeliveryJson {
  object: "webhook_delivery";
  id: string;
  /** The event's `msg_…` id: its `svix-id`, the same on every attempt. */
  event_id: string;
  event_type: string;
  endpoint_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
}

/**
 * Serialises a delivery's state.
 *
 * @example
 * webhookDeliveryJson(delivery); // { object: "webhook_delivery", id: "whd_…", status: "dead", … }
 */
export function webhookDeliveryJson(delivery: WebhookDeliveryRecord): WebhookDeliveryJson {
  return {
    object: "webhook_delivery",
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    endpoint_id: delivery.endpointId,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.nextAttemptAt,
    last_attempt_at: delivery.lastAttemptAt,
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    delivered_at: delivery.deliveredAt,
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
  };
}
