import { jwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { defineRoute } from "../../define-route.js";
import { jwtTemplateBody, jwtTemplateInput } from "./jwt-template-body.js";

/** `POST /v1/jwt_templates`: creates a template; the name must be unused. */
export const createJwtTemplateRoute = defineRoute({
  method: "POST",
  path: "/v1/jwt_templates",
  auth: "secret_key",
  body: jwtTemplateBody,
  handler: async ({ body, store }) =>
    jwtTemplateJson(await store.createJwtTemplate(jwtTemplateInput(body, null, null))),
});
