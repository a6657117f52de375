import { z } from "zod";
import { isApiError } from "../../../errors/api-error.js";
import { revokeUserSessions } from "../../../flows/sessions/revoke-user-sessions.js";
import { updateUser } from "../../../flows/users/update-user.js";
import type { UserRecord } from "../../../store/store.js";
import { type AnyRoute, defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

const bulkBody = z.strictObject({ user_ids: z.array(z.string()).min(1).max(50) });

function bulkBanRoute(path: "/v1/users/ban" | "/v1/users/unban", banned: boolean): AnyRoute {
  return defineRoute({
    method: "POST",
    path,
    auth: "secret_key",
    body: bulkBody,
    handler: async (context) => {
      const users: UserRecord[] = [];
      for (const userId of new Set(context.body.user_ids)) {
        try {
          users.push((await updateUser(context.store, userId, { banned })).user);
          if (banned) await revokeUserSessions(context.store, userId);
        } catch (error) {
          // Unknown ids are skipped, like the other ids-list parameters.
          if (!isApiError(error, "resource_not_found")) throw error;
        }
      }
      return users.map((user) => answerUser(context, user));
    },
  });
}

/** `POST /v1/users/ban`: bans up to 50 users; answers the banned users (unknown ids skipped). */
export const bulkBanUsersRoute = bulkBanRoute("/v1/users/ban", true);
/** `POST /v1/users/unban`: lifts the ban of up to 50 users. */
export const bulkUnbanUsersRoute = bulkBanRoute("/v1/users/unban", false);
