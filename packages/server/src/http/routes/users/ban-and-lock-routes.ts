import { revokeUserSessions } from "../../../flows/sessions/revoke-user-sessions.js";
import { updateUser } from "../../../flows/users/update-user.js";
import type { UserPatch } from "../../../store/store.js";
import { type AnyRoute, defineRoute, type RouteServices } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

type Action = "ban" | "unban" | "lock" | "unlock";

/**
 * `POST /v1/users/{user_id}/<action>`: applies the patch the action stands for and answers the
 * user; `then` runs after the change (a ban also ends the user's sessions).
 */
function userStateRoute(
  action: Action,
  patchFor: (services: RouteServices) => UserPatch,
  then?: (services: RouteServices, userId: string) => Promise<unknown>,
): AnyRoute {
  return defineRoute({
    method: "POST",
    path: `/v1/users/{user_id}/${action}`,
    auth: "secret_key",
    handler: async (context) => {
      const { user } = await updateUser(context.store, context.params.user_id, patchFor(context));
      await then?.(context, user.id);
      return answerUser(context, user);
    },
  });
}

/** `POST /v1/users/{user_id}/ban`: marks the user banned (no more sign-ins) and revokes their sessions. */
export const banUserRoute = userStateRoute(
  "ban",
  () => ({ banned: true }),
  ({ store }, userId) => revokeUserSessions(store, userId),
);

/** `POST /v1/users/{user_id}/unban`: lifts a ban. */
export const unbanUserRoute = userStateRoute("unban", () => ({ banned: false }));

/**
 * `POST /v1/users/{user_id}/lock`: locks the user for the instance's lockout duration
 * (`settings.lockoutSeconds`; null locks until unlocked).
 */
export const lockUserRoute = userStateRoute("lock", ({ clock, settings }) => ({
  lock: {
    expiresAt:
      settings.lockoutSeconds === null ? null : clock.now() + settings.lockoutSeconds * 1000,
  },
}));

/** `POST /v1/users/{user_id}/unlock`: removes the lock and resets failed attempts. */
export const unlockUserRoute = userStateRoute("unlock", () => ({ lock: null }));
