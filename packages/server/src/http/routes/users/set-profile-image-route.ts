import { ApiError } from "../../../errors/api-error.js";
import { setUserImage } from "../../../flows/users/update-user.js";
import { defineRoute } from "../../define-route.js";
import { imageContentType } from "./image-content-type.js";
import { answerUser, requireUser } from "./user-answer.js";

/**
 * The uploaded image (`file` of a multipart body) and its type, read from its bytes.
 *
 * @throws `request_body_invalid` (not multipart), `form_param_missing`, `form_param_format_invalid`
 *   (not a file, or not a PNG, JPEG, GIF or WebP image)
 */
async function readProfileImage(
  request: Request,
): Promise<{ contentType: string; bytes: Uint8Array }> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError("request_body_invalid", {
      longMessage: "Send the image as multipart/form-data with a `file` field.",
      cause,
    });
  }
  const file = form.get("file");
  if (file === null) {
    throw new ApiError("form_param_missing", {
      paramName: "file",
      longMessage: "file must be included.",
    });
  }
  if (typeof file === "string") {
    throw new ApiError("form_param_format_invalid", {
      paramName: "file",
      longMessage: "file must be an uploaded file.",
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = imageContentType(bytes);
  if (contentType === null) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "file",
      longMessage: "file must be a PNG, JPEG, GIF or WebP image.",
    });
  }
  return { contentType, bytes };
}

/**
 * `POST /v1/users/{user_id}/profile_image` (multipart, field `file`): stores a PNG, JPEG, GIF
 * or WebP image in the database; the user's `image_url` then serves it and `has_image` is true.
 */
export const setProfileImageRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/profile_image",
  auth: "secret_key",
  upload: true,
  handler: async (context) => {
    await requireUser(context.store, context.params.user_id);
    const image = await readProfileImage(context.request);
    return answerUser(
      context,
      (await setUserImage(context.store, context.params.user_id, image)).user,
    );
  },
});
