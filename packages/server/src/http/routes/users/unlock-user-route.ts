import { updateUser } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

/** `POST /v1/users/{user_id}/unlock`: removes the lock and resets failed attempts. */
export const unlockUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/unlock",
  auth: "secret_key",
  handler: async (context) =>
    answerUser(
      context,
      (await updateUser(context.store, context.params.user_id, { lock: null })).user,
    ),
});
