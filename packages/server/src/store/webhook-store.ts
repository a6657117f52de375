/**
 * The webhook half of the {@link Store}: endpoints, per-endpoint delivery state, and the verbs the
 * delivery worker runs (fan-out, claim under a lease, record an attempt).
 */

/** A webhook endpoint. Its signing secret is deliberately absent (see {@link WebhookEndpointWithSecret}). */
export interface WebhookEndpointRecord {
  id: string;
  url: string;
  /** Event types delivered to the endpoint; empty = every event. */
  eventTypes: string[];
  enabled: boolean;
  description: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An endpoint with its `whsec_…` secret: answered once, at creation or rotation. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointRecord;
  secret: string;
}

/** An endpoint to store: URL and secret already checked (see `flows/webhook-endpoints/`). */
export interface NewWebhookEndpoint {
  url: string;
  /** `whsec_…` */
  secret: string;
  eventTypes?: string[];
  enabled?: boolean;
  description?: string | null;
}

/** Fields of an endpoint that can be changed; `undefined` leaves a field as it is. */
export interface WebhookEndpointPatch {
  url?: string;
  eventTypes?: string[];
  enabled?: boolean;
  description?: string | null;
}

export type WebhookDeliveryStatus = "pending" | "failed" | "succeeded" | "dead";

/** Delivery state of one event to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending and failed deliveries); null otherwise. */
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastStatusCode: number | null;
  /** Short, secret-free description of the last failure. */
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookDeliveryFilter {
  status?: WebhookDeliveryStatus;
  endpointId?: string;
  eventId?: string;
}

export interface OffsetPage {
  limit: number;
  offset: number;
}

export interface ListResult<T> {
  data: T[];
  totalCount: number;
}

/**
 * A delivery the worker holds a lease on, with everything needed to send it. Carries the
 * endpoint's secrets: never log it.
 */
export interface ClaimedWebhookDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  /** The attempt this claim is (1 for the first). */
  attempt: number;
  /** Proves the lease when the result is recorded. */
  leaseToken: string;
  url: string;
  /** Current secret first, then the previous one while its rotation grace period lasts. */
  secrets: string[];
  /** The event envelope exactly as it is sent (stable across attempts). */
  body: string;
}

/** What happened to one attempt. */
export type WebhookAttemptOutcome =
  | { ok: true; statusCode: number }
  | {
      ok: false;
      statusCode: number | null;
      error: string;
      /** When the next attempt is due; null when the delivery is dead. */
      retryAt: number | null;
    };

export interface WebhookStore {
  /** @throws ApiError `form_identifier_exists` (`url`) when an endpoint has that URL */
  insertWebhookEndpoint(input: NewWebhookEndpoint): Promise<WebhookEndpointWithSecret>;
  /**
   * Inserts the endpoint for `url`, or updates the existing one (its secret unless
   * `keepExistingSecret`, event types, re-enabled) in one statement: safe from several processes.
   */
  upsertWebhookEndpoint(
    input: NewWebhookEndpoint & { keepExistingSecret: boolean },
  ): Promise<WebhookEndpointWithSecret & { created: boolean }>;
  getWebhookEndpoint(endpointId: string): Promise<WebhookEndpointRecord | null>;
  /** Oldest first. */
  listWebhookEndpoints(page: OffsetPage): Promise<ListResult<WebhookEndpointRecord>>;
  /** @throws ApiError `resource_not_found`, `form_identifier_exists` (`url`) */
  updateWebhookEndpoint(
    endpointId: string,
    patch: WebhookEndpointPatch,
  ): Promise<WebhookEndpointRecord>;
  /** Deletes the endpoint and its deliveries. @returns false when there was no such endpoint */
  deleteWebhookEndpoint(endpointId: string): Promise<boolean>;
  /**
   * Replaces the secret; the old one keeps signing for `graceMs`.
   *
   * @throws ApiError `resource_not_found`
   */
  replaceWebhookEndpointSecret(
    endpointId: string,
    replacement: { secret: string; graceMs: number },
  ): Promise<WebhookEndpointWithSecret>;

  getWebhookDelivery(deliveryId: string): Promise<WebhookDeliveryRecord | null>;
  /** Newest first. */
  listWebhookDeliveries(
    filter: WebhookDeliveryFilter,
    page: OffsetPage,
  ): Promise<ListResult<WebhookDeliveryRecord>>;
  /**
   * Re-queues a dead or failed delivery for now, with a fresh attempt budget.
   *
   * @throws ApiError `resource_not_found`, `webhook_delivery_not_replayable`
   */
  replayWebhookDelivery(deliveryId: string): Promise<WebhookDeliveryRecord>;
  /**
   * Re-queues every dead delivery of an endpoint. @returns how many
   *
   * @throws ApiError `resource_not_found`
   */
  replayDeadWebhookDeliveries(endpointId: string): Promise<number>;

  /**
   * Worker step: turns up to `limit` outbox events not yet fanned out into one pending delivery per
   * matching enabled endpoint. Safe across processes. @returns how many events were fanned out
   */
  fanOutWebhookEvents(limit: number): Promise<number>;
  /**
   * Worker step: leases up to `limit` due deliveries of enabled endpoints for `leaseMs` and counts
   * the attempt. Deliveries whose attempts are used up and whose lease expired become dead.
   */
  claimWebhookDeliveries(options: {
    limit: number;
    leaseMs: number;
    maxAttempts: number;
  }): Promise<ClaimedWebhookDelivery[]>;
  /**
   * Worker step: records an attempt's outcome, if the lease is still held.
   * @returns false when the lease was lost (another process took the delivery over)
   */
  recordWebhookAttempt(
    delivery: Pick<ClaimedWebhookDelivery, "id" | "leaseToken">,
    outcome: WebhookAttemptOutcome,
  ): Promise<boolean>;
}
