import { ApiError } from "../../../errors/api-error.js";
import { jwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { defineRoute } from "../../define-route.js";
import { jwtTemplateBody, jwtTemplateInput } from "./jwt-template-body.js";

/** `PATCH /v1/jwt_templates/{template_id}`: replaces the template's settings. */
export const updateJwtTemplateRoute = defineRoute({
  method: "PATCH",
  path: "/v1/jwt_templates/{template_id}",
  auth: "secret_key",
  body: jwtTemplateBody,
  handler: async ({ params, body, store }) => {
    const existing = await store.getJwtTemplate(params.template_id);
    if (existing === null) throw new ApiError("resource_not_found", { paramName: "template_id" });
    const existingKey = existing.customSigningKey
      ? await store.getJwtTemplateSigningKey(existing.id)
      : null;
    const input = jwtTemplateInput(body, existing, existingKey);
    return jwtTemplateJson(await store.updateJwtTemplate(existing.id, input));
  },
});
