import type { Clock } from "../../clock.js";
import type { IdGenerator } from "../../id-generator.js";
import type { Queryable } from "../database.js";

/** Webhook event types the store emits (Clerk's names). */
export type EventType =
  | "user.created"
  | "user.updated"
  | "user.deleted"
  | "email.created"
  | "session.created"
  | "session.ended"
  | "session.removed"
  | "session.revoked"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organizationMembership.created"
  | "organizationMembership.updated"
  | "organizationMembership.deleted"
  | "organizationInvitation.created"
  | "organizationInvitation.accepted"
  | "organizationInvitation.revoked";

/** Writes an event to the outbox, inside the caller's transaction. */
export type EmitEvent = (tx: Queryable, type: EventType, data: unknown) => Promise<void>;

/**
 * Builds the outbox writer: each event gets a `msg_…` id (its stable `svix-id`) and Clerk's
 * envelope `{ data, object: "event", type, timestamp, instance_id, event_attributes }`.
 */
export function createEventEmitter(options: {
  clock: Clock;
  ids: IdGenerator;
  instanceId: string;
}): EmitEvent {
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
