import { ApiError } from "../../../errors/api-error.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";

/** `DELETE /v1/jwt_templates/{template_id}`: answers the deleted object. */
export const deleteJwtTemplateRoute = defineRoute({
  method: "DELETE",
  path: "/v1/jwt_templates/{template_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    if (!(await store.deleteJwtTemplate(params.template_id))) {
      throw new ApiError("resource_not_found", { paramName: "template_id" });
    }
    return deletedObjectJson("jwt_template", params.template_id);
  },
});
