import { z } from "zod";
import { updateUser } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser, requireUser } from "./user-answer.js";

/**
 * `POST /v1/users/{user_id}/remove_password`: removes the password; a user without one is
 * answered unchanged (and no event is written).
 */
export const removePasswordRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/remove_password",
  auth: "secret_key",
  body: z.strictObject({ sign_out_of_other_sessions: z.boolean().optional() }),
  handler: async (context) => {
    const { params, store } = context;
    const user = await requireUser(store, params.user_id);
    if (!user.passwordEnabled) return answerUser(context, user);
    return answerUser(context, (await updateUser(store, params.user_id, { password: null })).user);
  },
});
