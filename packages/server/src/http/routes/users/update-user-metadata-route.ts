import { z } from "zod";
import { setUserMetadata } from "../../../flows/users/update-user.js";
import type { MetadataUpdate } from "../../../store/store.js";
import { type AnyRoute, defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";
import { metadataObject } from "./user-input.js";

const metadataBody = z.strictObject({
  public_metadata: metadataObject().optional(),
  private_metadata: metadataObject().optional(),
  unsafe_metadata: metadataObject().optional(),
});

function metadataRoute(method: "PATCH" | "PUT", mode: "merge" | "replace"): AnyRoute {
  return defineRoute({
    method,
    path: "/v1/users/{user_id}/metadata",
    auth: "secret_key",
    body: metadataBody,
    handler: async (context) => {
      const { body } = context;
      const update: MetadataUpdate = {};
      if (body.public_metadata !== undefined) update.publicMetadata = body.public_metadata;
      if (body.private_metadata !== undefined) update.privateMetadata = body.private_metadata;
      if (body.unsafe_metadata !== undefined) update.unsafeMetadata = body.unsafe_metadata;
      const { user } = await setUserMetadata(context.store, context.params.user_id, update, mode);
      return answerUser(context, user);
    },
  });
}

/** `PATCH /v1/users/{user_id}/metadata`: deep merge; a key set to null is deleted. */
export const updateUserMetadataRoute = metadataRoute("PATCH", "merge");
/** `PUT /v1/users/{user_id}/metadata`: each given field replaced wholesale, others untouched. */
export const replaceUserMetadataRoute = metadataRoute("PUT", "replace");
