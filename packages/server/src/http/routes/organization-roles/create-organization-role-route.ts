import { createOrganizationRole } from "../../../flows/organization-roles/create-organization-role.js";
import { organizationRoleJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";
import { createRoleBody } from "./organization-role-input.js";

/**
 * `POST /v1/organization_roles`: a new role with a unique key and the permissions named by id.
 *
 * @throws `form_identifier_exists` (`key`), `form_param_format_invalid` (`key`…),
 *   `resource_not_found` (`permissions`)
 */
export const createOrganizationRoleRoute = defineRoute({
  method: "POST",
  path: "/v1/organization_roles",
  auth: "secret_key",
  body: createRoleBody,
  handler: async ({ body, store }) => {
    const { role } = await createOrganizationRole(store, {
      key: body.key,
      name: body.name,
      description: body.description ?? null,
      permissionIds: body.permissions ?? [],
    });
    return organizationRoleJson(role, false);
  },
});
