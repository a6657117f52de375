import { ApiError } from "../../errors/api-error.js";
import type { UserRecord } from "../../store/store.js";
import { isUserLocked } from "../../wire/user-json.js";

/**
 * `user_locked` with `meta.lockout_expires_in_seconds` (null for a lock without end).
 *
 * @example
 * throw userLockedError(user.lockoutExpiresAt, clock.now());
 */
export function userLockedError(lockoutExpiresAt: number | null, now: number): ApiError {
  return new ApiError("user_locked", {
    meta: {
      lockout_expires_in_seconds:
        lockoutExpiresAt === null ? null : Math.max(1, Math.ceil((lockoutExpiresAt - now) / 1000)),
    },
  });
}

/**
 * Refuses banned and locked users before any factor is checked.
 *
 * @throws `user_banned` (403); `user_locked` (403, `meta.lockout_expires_in_seconds`)
 * @example
 * checkUserMaySignIn(user, clock.now());
 */
export function checkUserMaySignIn(user: UserRecord, now: number): void {
  if (user.banned) throw new ApiError("user_banned");
  if (isUserLocked(user, now)) throw userLockedError(user.lockoutExpiresAt, now);
}
