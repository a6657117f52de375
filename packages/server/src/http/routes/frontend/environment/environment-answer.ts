import type { InstanceSettings } from "../../../../instance-settings.js";
import { frontendEnvironmentJson } from "../../../../wire/frontend-environment-json.js";
import type { FrontendApiConfig } from "../../../frontend-api/frontend-api-config.js";
import { jsonResponse } from "../../../json-response.js";

/**
 * The instance's environment as `GET` and `PATCH /v1/environment` answer it: bare JSON, not in
 * `{ response, client }`.
 *
 * @example
 * handler: async ({ frontend, settings }) => environmentAnswer(frontend, settings),
 */
export function environmentAnswer(
  frontend: FrontendApiConfig,
  settings: Pick<InstanceSettings, "maxVerificationAttempts" | "lockoutSeconds">,
): Response {
  return jsonResponse(
    frontendEnvironmentJson({
      development: frontend.development,
      applicationName: frontend.applicationName,
      urls: frontend.urls,
      singleSessionMode: frontend.singleSessionMode,
      maxVerificationAttempts: settings.maxVerificationAttempts,
      lockoutSeconds: settings.lockoutSeconds,
      socialConnections: frontend.oauth.list,
    }),
  );
}
