import { updateUser } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

/** `POST /v1/users/{user_id}/unban`: lifts a ban. */
export const unbanUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/unban",
  auth: "secret_key",
  handler: async (context) =>
    answerUser(
      context,
      (await updateUser(context.store, context.params.user_id, { banned: false })).user,
    ),
});
