import { createOrganizationPermission } from "../../../flows/organization-roles/create-organization-permission.js";
import { organizationPermissionJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";
import { createPermissionBody } from "./organization-role-input.js";

/**
 * `POST /v1/organization_permissions`: a custom permission `org:<feature>:<action>`.
 *
 * @throws `form_identifier_exists` (`key`), `form_param_format_invalid` (`key`),
 *   `form_param_value_invalid` (`key` under the reserved `org:sys_`)
 */
export const createOrganizationPermissionRoute = defineRoute({
  method: "POST",
  path: "/v1/organization_permissions",
  auth: "secret_key",
  body: createPermissionBody,
  handler: async ({ body, store }) =>
    organizationPermissionJson(
      await createOrganizationPermission(store, {
        key: body.key,
        name: body.name,
        description: body.description ?? "",
      }),
    ),
});
