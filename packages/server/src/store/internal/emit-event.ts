import type { Clock } from "../../clock.js";
import type { IdGenerator } from "../../id-generator.js";
import type { Queryable } from "../database.js";
import type { EventType } from "../store-events.js";

export type { EventType };

/** Writes an event's rendered data to the outbox, inside the caller's transaction. */
export type WriteOutboxEvent = (tx: Queryable, type: EventType, data: unknown) => Promise<void>;

/**
 * Builds the outbox writer: each event gets a `msg_…` id (its stable `svix-id`) and Clerk's
 * envelope `{ data, object: "event", type, timestamp, instance_id, event_attributes }`.
 */
export function createEventEmitter(options: {
  clock: Clock;
  ids: IdGenerator;
  instanceId: string;
}): WriteOutboxEvent {
  return async (tx, type, data) => {
    const id = options.ids("msg");
    const timestamp = options.clock.now();
    const payload = {
      data,
      object: "event",
      type,
      timestamp,
      instance_id: options.instanceId,
      event_attributes: { http_request: { client_ip: "", user_agent: "" } },
    };
    await tx.query(
      "INSERT INTO webhook_outbox (id, event_type, payload, created_at) VALUES ($1, $2, $3::jsonb, $4)",
      [id, type, JSON.stringify(payload), timestamp],
    );
  };
}
