import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type { NewWebhookEndpoint, WebhookEndpointRecord, WebhookStore } from "../webhook-store.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { sqlWebhookDeliveryMethods } from "./sql-webhook-delivery-methods.js";
import { identifierExists } from "./unique-violation.js";

const URL_CONSTRAINT = "webhook_endpoints_url_key";
/** Columns read back for answers: never the secrets. */
const PUBLIC_COLUMNS = "id, url, event_types, enabled, description, created_at, updated_at";

function endpointFromRow(row: Row): WebhookEndpointRecord {
  return {
    id: String(row.id),
    url: String(row.url),
    eventTypes: Array.isArray(row.event_types) ? row.event_types.map(String) : [],
    enabled: Boolean(row.enabled),
    description: row.description === null ? null : String(row.description),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function urlTaken(cause?: unknown): ApiError {
  return identifierExists("url", "webhook endpoint URL", cause);
}

/** Turns a unique violation on the endpoint URL into `form_identifier_exists` (`url`). */
async function guardUrl<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
    if (code === "23505" && constraint === URL_CONSTRAINT) throw urlTaken({ code, constraint });
    throw error;
  }
}

/** The webhook part of the SQL store: endpoints here, deliveries and worker steps beside. */
export function sqlWebhookMethods(context: SqlStoreContext): WebhookStore {
  const { db, clock, ids } = context;

  const insertEndpoint = async (
    input: NewWebhookEndpoint,
    onConflict: "nothing" | { keepExistingSecret: boolean },
  ) => {
    const now = clock.now();
    const id = ids("whe");
    const update =
      onConflict === "nothing"
        ? "DO NOTHING"
        : `DO UPDATE SET secret = COALESCE($8, webhook_endpoints.secret),
             event_types = EXCLUDED.event_types, enabled = true, updated_at = EXCLUDED.updated_at`;
    const rows = await db.query(
      `INSERT INTO webhook_endpoints (id, url, secret, event_types, enabled, description,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $7)
       ON CONFLICT (url) ${update}
       RETURNING *, id = $1 AS created`,
      [
        id,
        input.url,
        input.secret,
        JSON.stringify(input.eventTypes ?? []),
        input.enabled ?? true,
        input.description ?? null,
        now,
        ...(onConflict === "nothing" ? [] : [onConflict.keepExistingSecret ? null : input.secret]),
      ],
    );
    return rows[0];
  };

  return {
    async insertWebhookEndpoint(input) {
      const row = await insertEndpoint(input, "nothing");
      if (row === undefined) throw urlTaken();
      return { endpoint: endpointFromRow(row), secret: String(row.secret) };
    },

    async upsertWebhookEndpoint({ keepExistingSecret, ...input }) {
      const row = await insertEndpoint(input, { keepExistingSecret });
      if (row === undefined) throw new Error("upsertWebhookEndpoint: the upsert returned no row");
      return {
        endpoint: endpointFromRow(row),
        secret: String(row.secret),
        created: row.created === true,
      };
    },

    async getWebhookEndpoint(endpointId) {
      const rows = await db.query(`SELECT ${PUBLIC_COLUMNS} FROM webhook_endpoints WHERE id = $1`, [
        endpointId,
      ]);
      return rows[0] === undefined ? null : endpointFromRow(rows[0]);
    },

    async listWebhookEndpoints(page) {
      const rows = await db.query(
        `SELECT ${PUBLIC_COLUMNS}, count(*) OVER () AS total_count FROM webhook_endpoints
         ORDER BY created_at, seq LIMIT $1 OFFSET $2`,
        [page.limit, page.offset],
      );
      const total =
        rows[0] !== undefined
          ? Number(rows[0].total_count)
          : Number((await db.query("SELECT count(*) AS n FROM webhook_endpoints"))[0]?.n ?? 0);
      return { data: rows.map(endpointFromRow), totalCount: total };
    },

    updateWebhookEndpoint: (endpointId, patch) =>
      guardUrl(async () => {
        const params = new SqlParams();
        const sets = [`updated_at = ${params.add(clock.now())}`];
        if (patch.url !== undefined) sets.push(`url = ${params.add(patch.url)}`);
        if (patch.eventTypes !== undefined) {
          sets.push(`event_types = ${params.add(JSON.stringify(patch.eventTypes))}::jsonb`);
        }
        if (patch.enabled !== undefined) sets.push(`enabled = ${params.add(patch.enabled)}`);
        if (patch.description !== undefined) {
          sets.push(`description = ${params.add(patch.description)}`);
        }
        const rows = await db.query(
          `UPDATE webhook_endpoints SET ${sets.join(", ")} WHERE id = ${params.add(endpointId)}
           RETURNING ${PUBLIC_COLUMNS}`,
          params.values,
        );
        if (rows[0] === undefined) {
          throw new ApiError("resource_not_found", { paramName: "endpoint_id" });
        }
        return endpointFromRow(rows[0]);
      }),

    async deleteWebhookEndpoint(endpointId) {
      const rows = await db.query("DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id", [
        endpointId,
      ]);
      return rows.length > 0;
    },

    async replaceWebhookEndpointSecret(endpointId, { secret, graceMs }) {
      const now = clock.now();
      const rows = await db.query(
        `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = $3,
           secret = $2, updated_at = $4
         WHERE id = $1 RETURNING ${PUBLIC_COLUMNS}`,
        [endpointId, secret, now + graceMs, now],
      );
      if (rows[0] === undefined) {
        throw new ApiError("resource_not_found", { paramName: "endpoint_id" });
      }
      return { endpoint: endpointFromRow(rows[0]), secret };
    },

    ...sqlWebhookDeliveryMethods(context),
  };
}
