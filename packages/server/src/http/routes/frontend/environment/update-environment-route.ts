import { ApiError } from "../../../../errors/api-error.js";
import { defineRoute } from "../../../define-route.js";
import { environmentAnswer } from "./environment-answer.js";

/**
 * `PATCH /v1/environment` (clerk-js in development: `POST …?_method=PATCH`, its environment
 * "touch"): "update environment using request origin". The spec requires `Origin`; it must be an
 * allowed origin (the Frontend API's origin check, as for every mutating request). Allowed
 * origins are configuration here, so nothing is stored: the answer is the environment, as
 * `GET /v1/environment` answers it.
 *
 * @throws `form_param_missing` (422, `Origin`) without `Origin`; `origin_invalid` (403) from a
 *   foreign one
 */
export const updateEnvironmentRoute = defineRoute({
  method: "PATCH",
  path: "/v1/environment",
  auth: "client",
  handler: async ({ request, frontend, settings }) => {
    if (request.headers.get("origin") === null) {
      throw new ApiError("form_param_missing", {
        paramName: "Origin",
        longMessage: "The Origin header is required to update the environment.",
      });
    }
    return environmentAnswer(frontend, settings);
  },
});
