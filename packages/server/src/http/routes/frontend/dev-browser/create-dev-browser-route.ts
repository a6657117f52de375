import { ApiError } from "../../../../errors/api-error.js";
import { defineRoute } from "../../../define-route.js";
import { newClientToken } from "../../../frontend-api/client-token.js";
import { jsonResponse } from "../../../json-response.js";

/**
 * `POST /v1/dev_browser`: a development-browser token, `{ object: "dev_browser", id }`, for
 * development instances only. Clerk's SDKs keep it in `__clerk_db_jwt` and send it back as
 * `__clerk_db_jwt`; this instance identifies a browser by its `__client` cookie (first-party
 * through the app's proxy), so the token is the marker the SDKs require, not a credential: it
 * opens nothing. Production instances answer 404, as they have no dev browsers.
 *
 * @throws `resource_not_found` (404) on a production instance
 */
export const createDevBrowserRoute = defineRoute({
  method: "POST",
  path: "/v1/dev_browser",
  auth: "client",
  allowAnonymous: true,
  handler: async ({ settings }) => {
    if (!settings.developmentMode) throw new ApiError("resource_not_found");
    const id = newClientToken();
    return jsonResponse({ object: "dev_browser", id, token: id });
  },
});
