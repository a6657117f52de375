import type { ClientRecord } from "../store/session-store.js";

/**
 * Serialises a client as the Frontend API's `Client`: its signed-in sessions (already serialised,
 * users embedded), current sign-in and sign-up, and the last active session.
 *
 * @example
 * frontendClientJson(client, { sessions, signIn: null, signUp: null });
 */
export function frontendClientJson(
  client: ClientRecord,
  parts: {
    sessions: unknown[];
    signIn: unknown;
    signUp: unknown;
    lastActiveSessionId: string | null;
  },
) {
  return {
    object: "client" as const,
    id: client.id,
    sessions: parts.sessions,
    sign_in: parts.signIn,
    sign_up: parts.signUp,
    last_active_session_id: parts.lastActiveSessionId,
    last_authentication_strategy: client.lastAuthenticationStrategy,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
  };
}
