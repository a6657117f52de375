import type { SessionRecord } from "../store/session-store.js";

/** A session on the wire (Clerk's `Session` object). */
export interface SessionJson {
  object: "session";
  id: string;
  user_id: string;
  client_id: string;
  actor: Record<string, unknown> | null;
  status: string;
  last_active_organization_id: string | null;
  last_active_at: number;
  /** Device, browser and place of the latest activity: not recorded by this instance, so null. */
  latest_activity: null;
  expire_at: number;
  abandon_at: number;
  updated_at: number;
  created_at: number;
  tasks: null;
}

/**
 * Serialises a session record as Clerk's `Session` object (snake_case, ms timestamps).
 *
 * @example
 * const json = sessionJson(await store.getSession("sess_123"));
 */
export function sessionJson(session: SessionRecord): SessionJson {
  return {
    object: "session",
    id: session.id,
    user_id: session.userId,
    client_id: session.clientId,
    actor: session.actor,
    status: session.status,
    last_active_organization_id: session.lastActiveOrganizationId,
    last_active_at: session.lastActiveAt,
    latest_activity: null,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    updated_at: session.updatedAt,
    created_at: session.createdAt,
    tasks: null,
  };
}
