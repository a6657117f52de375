import { ApiError } from "../../errors/api-error.js";
import { defineRoute } from "../../http/define-route.js";
import { jwtTemplateJson } from "../../resources/jwt-template-json.js";

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
