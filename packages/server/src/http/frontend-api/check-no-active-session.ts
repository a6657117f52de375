import { ApiError } from "../../errors/api-error.js";
import type { ClientRecord } from "../../store/session-store.js";

/**
 * Refuses a new sign-in or sign-up on a client that is already signed in: in single-session mode
 * any active session is enough (`session_exists`); otherwise only an active session of the same
 * user (`identifier_already_signed_in`).
 *
 * @throws `session_exists`, `identifier_already_signed_in` (400)
 * @example
 * checkNoActiveSession(client, { singleSessionMode: true });
 */
export function checkNoActiveSession(
  client: ClientRecord | null,
  options: { singleSessionMode: boolean; userId?: string | null },
): void {
  if (client === null) return;
  const active = client.sessions.filter((session) => session.status === "active");
  if (options.singleSessionMode && active.length > 0) throw new ApiError("session_exists");
  if (options.userId && active.some((session) => session.userId === options.userId)) {
    throw new ApiError("identifier_already_signed_in");
  }
}
