import { defineRoute } from "../../define-route.js";
import { answerUser, requireUser } from "./user-answer.js";

/** `GET /v1/users/{user_id}`. */
export const getUserRoute = defineRoute({
  method: "GET",
  path: "/v1/users/{user_id}",
  auth: "secret_key",
  handler: async (context) =>
    answerUser(context, await requireUser(context.store, context.params.user_id)),
});
