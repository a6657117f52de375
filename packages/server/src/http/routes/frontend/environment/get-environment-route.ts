import { frontendEnvironmentJson } from "../../../../wire/frontend-environment-json.js";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";

/**
 * `GET /v1/environment`: the instance's sign-in/sign-up configuration as the components read it
 * (answered bare, not in `{ response, client }`).
 */
export const getEnvironmentRoute = defineRoute({
  method: "GET",
  path: "/v1/environment",
  auth: "client",
  handler: async ({ frontend, settings }) =>
    jsonResponse(
      frontendEnvironmentJson({
        development: frontend.development,
        applicationName: frontend.applicationName,
        urls: frontend.urls,
        singleSessionMode: frontend.singleSessionMode,
        maxVerificationAttempts: settings.maxVerificationAttempts,
        lockoutSeconds: settings.lockoutSeconds,
      }),
    ),
});
