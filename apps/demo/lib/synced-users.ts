// The demo's own copy of its users, kept up to date by webhooks (`app/api/webhooks/route.ts`).
// This is the event-driven pattern: the app never polls the auth server; the auth server tells
// the app about every change, and the app stores what it needs in its own database.
//
// Storage: an embedded PGlite database in `.data/pglite` (no setup), or PostgreSQL when
// DEMO_DATABASE_URL is set. Either way the table lives in the schema `demo`.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { WebhookEvent } from "@latchkey/nextjs/webhooks";
import type { SyncedUser } from "./synced-user";

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const SCHEMA = process.env.DEMO_DATABASE_SCHEMA || "demo";

const MIGRATION = `
  CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.synced_users (
    id text PRIMARY KEY,
    email text,
    name text,
    deleted boolean NOT NULL DEFAULT false,
    last_event text NOT NULL,
    event_at bigint NOT NULL
  );`;

// One connection per server process. Kept on `globalThis` so that hot reloads in `next dev`
// reuse it: PGlite must not open the same directory twice.
const cache = globalThis as unknown as { demoDatabase?: Promise<Query> };

function database(): Promise<Query> {
  if (!cache.demoDatabase) {
    cache.demoDatabase = connect();
    // A failed connection is retried on the next call rather than remembered.
    cache.demoDatabase.catch(() => {
      cache.demoDatabase = undefined;
    });
  }
  return cache.demoDatabase;
}

async function connect(): Promise<Query> {
  const url = process.env.DEMO_DATABASE_URL;
  if (url) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    await pool.query(MIGRATION);
    return async (sql, params) => (await pool.query(sql, params)).rows;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = process.env.DEMO_DATA_DIR || join(process.cwd(), ".data", "pglite");
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  await db.exec(MIGRATION);
  return async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** The primary email address of a webhook's `user` object. */
function primaryEmail(data: Record<string, unknown>): string | null {
  const primaryId = data.primary_email_address_id;
  const addresses = Array.isArray(data.email_addresses) ? data.email_addresses : [];
  for (const address of addresses as Record<string, unknown>[]) {
    if (address.id === primaryId) return text(address.email_address);
  }
  return text((addresses[0] as Record<string, unknown> | undefined)?.email_address);
}

/**
 * Applies a `user.created`, `user.updated` or `user.deleted` event; other events are ignored.
 * Deliveries can arrive twice or out of order, so an event older than the stored row is skipped.
 * Returns whether the event was a user event.
 */
export async function applyUserEvent(event: WebhookEvent): Promise<boolean> {
  if (!event.type.startsWith("user.")) return false;
  const id = text(event.data.id);
  if (id === null) return false;
  const data = event.data as Record<string, unknown>;
  const deleted = event.type === "user.deleted";
  const name = [text(data.first_name), text(data.last_name)].filter(Boolean).join(" ") || null;
  const query = await database();
  await query(
    `INSERT INTO ${SCHEMA}.synced_users (id, email, name, deleted, last_event, event_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET
       email = COALESCE(EXCLUDED.email, synced_users.email),
       name = COALESCE(EXCLUDED.name, synced_users.name),
       deleted = EXCLUDED.deleted,
       last_event = EXCLUDED.last_event,
       event_at = EXCLUDED.event_at
     WHERE synced_users.event_at <= EXCLUDED.event_at`,
    [
      id,
      deleted ? null : primaryEmail(data),
      deleted ? null : name,
      deleted,
      event.type,
      event.timestamp,
    ],
  );
  return true;
}

/** Every synced user, most recently changed first. */
export async function listSyncedUsers(): Promise<SyncedUser[]> {
  const query = await database();
  const rows = await query(
    `SELECT id, email, name, deleted, last_event, event_at
       FROM ${SCHEMA}.synced_users ORDER BY event_at DESC, id LIMIT 200`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    email: text(row.email),
    name: text(row.name),
    deleted: row.deleted === true,
    lastEvent: String(row.last_event),
    eventAt: Number(row.event_at),
  }));
}
