import { ApiError } from "../../errors/api-error.js";
import { randomBase62 } from "../../id-generator.js";
import type { Row } from "../database.js";
import type {
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookStore,
} from "../webhook-store.js";
import { numberOrNull } from "./row-values.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type DeliveryMethods = Pick<
  WebhookStore,
  | "getWebhookDelivery"
  | "listWebhookDeliveries"
  | "replayWebhookDelivery"
  | "replayDeadWebhookDeliveries"
  | "fanOutWebhookEvents"
  | "claimWebhookDeliveries"
  | "recordWebhookAttempt"
>;

/** Longest `last_error` kept, in characters. */
export const MAX_ERROR_LENGTH = 500;

function deliveryFromRow(row: Row): WebhookDeliveryRecord {
  return {
    id: String(row.id),
    eventId: String(row.event_id),
    eventType: String(row.event_type),
    endpointId: String(row.endpoint_id),
    status: String(row.status) as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: numberOrNull(row.next_attempt_at),
    lastAttemptAt: numberOrNull(row.last_attempt_at),
    lastStatusCode: numberOrNull(row.last_status_code),
    lastError: row.last_error === null ? null : String(row.last_error),
    deliveredAt: numberOrNull(row.delivered_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function matches(eventTypes: unknown, eventType: string): boolean {
  return !Array.isArray(eventTypes) || eventTypes.length === 0 || eventTypes.includes(eventType);
}

const SELECT_DELIVERY = `SELECT d.*, o.event_type FROM webhook_deliveries d
  JOIN webhook_outbox o ON o.id = d.event_id`;

/** Deliveries of the SQL store: their listing and replay, and the delivery worker's steps. */
export function sqlWebhookDeliveryMethods({ db, clock, ids }: SqlStoreContext): DeliveryMethods {
  const getDelivery = async (deliveryId: string) => {
    const rows = await db.query(`${SELECT_DELIVERY} WHERE d.id = $1`, [deliveryId]);
    return rows[0] === undefined ? null : deliveryFromRow(rows[0]);
  };

  return {
    getWebhookDelivery: getDelivery,

    async listWebhookDeliveries(filter, page) {
      const params = new SqlParams();
      const where = ["true"];
      if (filter.status !== undefined) where.push(`d.status = ${params.add(filter.status)}`);
      if (filter.endpointId !== undefined) {
        where.push(`d.endpoint_id = ${params.add(filter.endpointId)}`);
      }
      if (filter.eventId !== undefined) where.push(`d.event_id = ${params.add(filter.eventId)}`);
      const condition = where.join(" AND ");
      const counted = await db.query(
        `SELECT count(*) AS n FROM webhook_deliveries d WHERE ${condition}`,
        params.values,
      );
      const rows = await db.query(
        `${SELECT_DELIVERY} WHERE ${condition} ORDER BY d.created_at DESC, o.seq DESC, d.id DESC
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return { data: rows.map(deliveryFromRow), totalCount: Number(counted[0]?.n ?? 0) };
    },

    async replayWebhookDelivery(deliveryId) {
      const now = clock.now();
      const rows = await db.query(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2,
           locked_until = NULL, lease_token = NULL, updated_at = $2
         WHERE id = $1 AND status IN ('dead', 'failed')
           AND (locked_until IS NULL OR locked_until <= $2)
         RETURNING id`,
        [deliveryId, now],
      );
      const delivery = await getDelivery(deliveryId);
      if (delivery === null) throw new ApiError("resource_not_found", { paramName: "delivery_id" });
      if (rows.length === 0) {
        throw new ApiError("webhook_delivery_not_replayable", {
          longMessage: `Only dead or failed deliveries can be replayed; this one is ${delivery.status}${delivery.status === "failed" ? " and being attempted" : ""}.`,
        });
      }
      return delivery;
    },

    async replayDeadWebhookDeliveries(endpointId) {
      const now = clock.now();
      const endpoint = await db.query("SELECT id FROM webhook_endpoints WHERE id = $1", [
        endpointId,
      ]);
      if (endpoint.length === 0) {
        throw new ApiError("resource_not_found", { paramName: "endpoint_id" });
      }
      const rows = await db.query(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2,
           locked_until = NULL, lease_token = NULL, updated_at = $2
         WHERE endpoint_id = $1 AND status = 'dead' RETURNING id`,
        [endpointId, now],
      );
      return rows.length;
    },

    fanOutWebhookEvents: (limit) =>
      db.transaction(async (tx) => {
        const events = await tx.query<{ id: string; event_type: string }>(
          `SELECT id, event_type FROM webhook_outbox WHERE fanned_out_at IS NULL
           ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        if (events.length === 0) return 0;
        const now = clock.now();
        const endpoints = await tx.query<{ id: string; event_types: unknown }>(
          "SELECT id, event_types FROM webhook_endpoints WHERE enabled ORDER BY created_at, seq",
        );
        const inserts = new SqlParams();
        const values: string[] = [];
        for (const event of events) {
          for (const endpoint of endpoints) {
            if (!matches(endpoint.event_types, event.event_type)) continue;
            const [id, eventId, endpointId, at] = [
              inserts.add(ids("whd")),
              inserts.add(event.id),
              inserts.add(endpoint.id),
              inserts.add(now),
            ];
            values.push(`(${id}, ${eventId}, ${endpointId}, 'pending', ${at}, ${at}, ${at})`);
          }
        }
        if (values.length > 0) {
          await tx.query(
            `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at,
               created_at, updated_at)
             VALUES ${values.join(", ")}
             ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
            inserts.values,
          );
        }
        const marks = new SqlParams();
        const at = marks.add(now);
        const list = events.map((event) => marks.add(event.id)).join(", ");
        await tx.query(
          `UPDATE webhook_outbox SET fanned_out_at = ${at} WHERE id IN (${list})`,
          marks.values,
        );
        return events.length;
      }),

    async claimWebhookDeliveries({ limit, leaseMs, maxAttempts }) {
      const now = clock.now();
      // A process died holding the last attempt: nothing is left to try.
      await db.query(
        `UPDATE webhook_deliveries SET status = 'dead', next_attempt_at = NULL, locked_until = NULL,
           lease_token = NULL, updated_at = $1,
           last_error = 'the last attempt did not report back before its lease expired'
         WHERE status IN ('pending', 'failed') AND attempts >= $2
           AND locked_until IS NOT NULL AND locked_until <= $1`,
        [now, maxAttempts],
      );
      const leaseToken = randomBase62(24);
      const rows = await db.query(
        `WITH due AS (
           SELECT d.id FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= $1
             AND (d.locked_until IS NULL OR d.locked_until <= $1)
             AND d.attempts < $2 AND e.enabled
           ORDER BY d.next_attempt_at, d.id
           LIMIT $3
           FOR UPDATE OF d SKIP LOCKED
         )
         UPDATE webhook_deliveries d
         SET attempts = d.attempts + 1, locked_until = $4, lease_token = $5, updated_at = $1
         FROM due, webhook_endpoints e, webhook_outbox o
         WHERE d.id = due.id AND e.id = d.endpoint_id AND o.id = d.event_id
         RETURNING d.id, d.event_id, d.endpoint_id, d.attempts, e.url, e.secret,
           e.previous_secret, e.previous_secret_expires_at, o.payload`,
        [now, maxAttempts, limit, now + leaseMs, leaseToken],
      );
      return rows.map((row) => {
        const previousValid =
          row.previous_secret !== null && Number(row.previous_secret_expires_at) > now;
        return {
          id: String(row.id),
          eventId: String(row.event_id),
          endpointId: String(row.endpoint_id),
          attempt: Number(row.attempts),
          leaseToken,
          url: String(row.url),
          secrets: previousValid
            ? [String(row.secret), String(row.previous_secret)]
            : [String(row.secret)],
          body: JSON.stringify(row.payload),
        };
      });
    },

    async recordWebhookAttempt(delivery, outcome) {
      const now = clock.now();
      const rows = outcome.ok
        ? await db.query(
            `UPDATE webhook_deliveries SET status = 'succeeded', next_attempt_at = NULL,
               locked_until = NULL, lease_token = NULL, last_attempt_at = $3,
               last_status_code = $4, last_error = NULL, delivered_at = $3, updated_at = $3
             WHERE id = $1 AND lease_token = $2 RETURNING id`,
            [delivery.id, delivery.leaseToken, now, outcome.statusCode],
          )
        : await db.query(
            `UPDATE webhook_deliveries SET status = $5, next_attempt_at = $6,
               locked_until = NULL, lease_token = NULL, last_attempt_at = $3,
               last_status_code = $4, last_error = $7, updated_at = $3
             WHERE id = $1 AND lease_token = $2 RETURNING id`,
            [
              delivery.id,
              delivery.leaseToken,
              now,
              outcome.statusCode,
              outcome.retryAt === null ? "dead" : "failed",
              outcome.retryAt,
              outcome.error.slice(0, MAX_ERROR_LENGTH),
            ],
          );
      return rows.length > 0;
    },
  };
}
