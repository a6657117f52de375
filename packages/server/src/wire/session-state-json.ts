import type { SessionRecord } from "../store/session-store.js";

/**
 * The fields every Frontend API rendering of a session starts with: its id, effective status,
 * lifetimes, last activity and active organization, actor and timestamps.
 *
 * @example
 * ({ ...sessionStateJson(session), latest_activity });
 */
export function sessionStateJson(session: SessionRecord) {
  return {
    object: "session" as const,
    id: session.id,
    status: session.status,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    last_active_at: session.lastActiveAt,
    last_active_organization_id: session.lastActiveOrganizationId,
    actor: session.actor,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
