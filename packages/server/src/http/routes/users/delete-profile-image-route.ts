import { removeUserImage } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";

/** `DELETE /v1/users/{user_id}/profile_image`: removes the image; `has_image` becomes false. */
export const deleteProfileImageRoute = defineRoute({
  method: "DELETE",
  path: "/v1/users/{user_id}/profile_image",
  auth: "secret_key",
  handler: async (context) =>
    answerUser(context, (await removeUserImage(context.store, context.params.user_id)).user),
});
