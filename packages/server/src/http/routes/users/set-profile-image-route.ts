import { ApiError } from "../../../errors/api-error.js";
import { defineRoute } from "../../define-route.js";
import { imageContentType } from "./image-content-type.js";
import { answerUser, requireUser } from "./user-answer.js";

async function readImageFile(request: Request): Promise<Uint8Array> {
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
  return new Uint8Array(await file.arrayBuffer());
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
    const { params, request, store } = context;
    await requireUser(store, params.user_id);
    const bytes = await readImageFile(request);
    const contentType = imageContentType(bytes);
    if (contentType === null) {
      throw new ApiError("form_param_format_invalid", {
        paramName: "file",
        longMessage: "file must be a PNG, JPEG, GIF or WebP image.",
      });
    }
    return answerUser(context, await store.setUserImage(params.user_id, { contentType, bytes }));
  },
});
