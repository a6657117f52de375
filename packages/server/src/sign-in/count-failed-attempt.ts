import type { ApiError } from "../errors/api-error.js";
import type { InstanceSettings } from "../http/define-route.js";
import type { Store } from "../store/store.js";
import { userLockedError } from "./check-user-may-sign-in.js";

/**
 * Counts a failed first or second factor on the user (atomically, shared by every process) and
 * returns the error to answer: `user_locked` when this failure reached
 * `settings.maxVerificationAttempts`, else `incorrect`.
 *
 * @example
 * throw await countFailedAttempt({ store, settings, now }, user.id,
 *   new ApiError("form_password_incorrect", { paramName: "password" }));
 */
export async function countFailedAttempt(
  context: {
    store: Store;
    settings: Pick<InstanceSettings, "maxVerificationAttempts" | "lockoutSeconds">;
    now: number;
  },
  userId: string,
  incorrect: ApiError,
): Promise<ApiError> {
  const result = await context.store.recordFailedVerification(userId, {
    maxAttempts: context.settings.maxVerificationAttempts,
    lockoutSeconds: context.settings.lockoutSeconds,
  });
  if (result.locked) return userLockedError(result.lockoutExpiresAt, context.now);
  return incorrect;
}
