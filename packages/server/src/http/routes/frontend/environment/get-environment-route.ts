import { defineRoute } from "../../../define-route.js";
import { environmentAnswer } from "./environment-answer.js";

/**
 * `GET /v1/environment`: the instance's sign-in/sign-up configuration as the components read it
 * (answered bare, not in `{ response, client }`).
 */
export const getEnvironmentRoute = defineRoute({
  method: "GET",
  path: "/v1/environment",
  auth: "client",
  handler: async ({ frontend, settings }) => environmentAnswer(frontend, settings),
});
