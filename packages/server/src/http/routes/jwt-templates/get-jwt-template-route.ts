import { ApiError } from "../../../errors/api-error.js";
import { jwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/jwt_templates/{template_id}`. */
export const getJwtTemplateRoute = defineRoute({
  method: "GET",
  path: "/v1/jwt_templates/{template_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const template = await store.getJwtTemplate(params.template_id);
    if (template === null) throw new ApiError("resource_not_found", { paramName: "template_id" });
    return jwtTemplateJson(template);
  },
});
