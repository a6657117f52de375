import { defineRoute } from "../../http/define-route.js";
import { answerUser } from "./user-answer.js";

/** `POST /v1/users/{user_id}/ban`: marks the user banned (no more sign-ins). */
export const banUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/ban",
  auth: "secret_key",
  handler: async (context) =>
    answerUser(context, await context.store.updateUser(context.params.user_id, { banned: true })),
});
