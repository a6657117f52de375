import { ApiError } from "../../../errors/api-error.js";
import type { Store, UserRecord } from "../../../store/store.js";
import { userJson } from "../../../wire/user-json.js";
import type { RouteServices } from "../../define-route.js";

/**
 * Serialises a user for a route's answer: the instance's base URL, the current time and the
 * lockout policy fill in `image_url`, `locked` and the attempt counters.
 *
 * @example
 * return answerUser(context, await store.updateUser(id, patch));
 */
export function answerUser(
  context: Pick<RouteServices, "clock" | "settings"> & { baseUrl: string },
  user: UserRecord,
) {
  return userJson(user, {
    baseUrl: context.baseUrl,
    now: context.clock.now(),
    maxVerificationAttempts: context.settings.maxVerificationAttempts,
  });
}

/**
 * Loads a user or answers 404.
 *
 * @throws ApiError `resource_not_found` (param `user_id`)
 * @example
 * const user = await requireUser(store, params.user_id);
 */
export async function requireUser(store: Store, userId: string): Promise<UserRecord> {
  const user = await store.getUser(userId);
  if (user === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
  return user;
}
