import { z } from "zod";
import { setUserMetadata } from "../../../../flows/users/update-user.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendUser } from "../../../frontend-api/load-frontend-client.js";
import { requireSignedInUser } from "./require-signed-in-user.js";
import { parseUnsafeMetadata } from "./unsafe-metadata-param.js";

/**
 * `PATCH /v1/me/metadata`: deep-merges `unsafe_metadata` (a JSON object; `null` deletes a key)
 * into the signed-in user's. Public and private metadata are Backend API only.
 *
 * @throws `signed_out` (401); `form_param_missing`, `form_param_unknown`,
 *   `form_param_format_invalid` (422)
 */
export const updateMeMetadataRoute = defineRoute({
  method: "PATCH",
  path: "/v1/me/metadata",
  auth: "client",
  body: z.strictObject({
    unsafe_metadata: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
  handler: async ({ body, auth, store, request, clock, imageBaseUrl, settings }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const { user: updated } = await setUserMetadata(
      store,
      user.id,
      { unsafeMetadata: parseUnsafeMetadata(body.unsafe_metadata) },
      "merge",
    );
    return loadFrontendUser({ store, imageBaseUrl, now: clock.now(), settings }, updated);
  },
});
