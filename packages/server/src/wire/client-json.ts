import type { ClientRecord } from "../store/session-store.js";
import { type SessionJson, sessionJson } from "./session-json.js";

/** A client on the wire (Clerk's `Client` object). */
export interface ClientJson {
  object: "client";
  id: string;
  session_ids: string[];
  sessions: SessionJson[];
  sign_in_id: string | null;
  sign_up_id: string | null;
  last_active_session_id: string | null;
  last_authentication_strategy: string | null;
  updated_at: number;
  created_at: number;
}

/**
 * Serialises a client and its sessions as Clerk's `Client` object.
 *
 * @example
 * const json = clientJson(await store.getClient("client_123"));
 */
export function clientJson(client: ClientRecord): ClientJson {
  return {
    object: "client",
    id: client.id,
    session_ids: client.sessions.map((session) => session.id),
    sessions: client.sessions.map(sessionJson),
    sign_in_id: client.signInId,
    sign_up_id: client.signUpId,
    last_active_session_id: client.lastActiveSessionId,
    last_authentication_strategy: client.lastAuthenticationStrategy,
    updated_at: client.updatedAt,
    created_at: client.createdAt,
  };
}
