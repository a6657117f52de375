import { revokeUserSessions } from "../../../flows/sessions/revoke-user-sessions.js";
import { updateUser } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

/** `POST /v1/users/{user_id}/ban`: marks the user banned (no more sign-ins) and revokes their sessions. */
export const banUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/ban",
  auth: "secret_key",
  handler: async (context) => {
    const { user } = await updateUser(context.store, context.params.user_id, { banned: true });
    await revokeUserSessions(context.store, user.id);
    return answerUser(context, user);
  },
});
