import { ApiError } from "../../../errors/api-error.js";
import { DEFAULT_IMAGE_ID } from "../../../wire/user-json.js";
import { defineRoute } from "../../define-route.js";
import { DEFAULT_AVATAR_SVG } from "./default-avatar-svg.js";

/**
 * `GET /v1/images/{image_id}` (public, like Clerk's image CDN): the stored bytes of a profile
 * image with their content type, or the placeholder avatar for `default`. Image ids are never
 * reused, so answers are cacheable for good.
 */
export const getImageRoute = defineRoute({
  method: "GET",
  path: "/v1/images/{image_id}",
  auth: "public",
  handler: async ({ params, store }) => {
    const headers = {
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    };
    if (params.image_id === DEFAULT_IMAGE_ID) {
      return new Response(DEFAULT_AVATAR_SVG, {
        headers: { ...headers, "Content-Type": "image/svg+xml" },
      });
    }
    const image = await store.getImage(params.image_id);
    if (image === null) throw new ApiError("resource_not_found", { paramName: "image_id" });
    return new Response(new Uint8Array(image.bytes), {
      headers: {
        ...headers,
        "Content-Type": image.contentType,
        "Content-Length": String(image.bytes.length),
      },
    });
  },
});
