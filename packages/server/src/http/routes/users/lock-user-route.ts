import { updateUser } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

/**
 * `POST /v1/users/{user_id}/lock`: locks the user for the instance's lockout duration
 * (`settings.lockoutSeconds`; null locks until unlocked).
 */
export const lockUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/lock",
  auth: "secret_key",
  handler: async (context) => {
    const seconds = context.settings.lockoutSeconds;
    const expiresAt = seconds === null ? null : context.clock.now() + seconds * 1000;
    const { user } = await updateUser(context.store, context.params.user_id, {
      lock: { expiresAt },
    });
    return answerUser(context, user);
  },
});
