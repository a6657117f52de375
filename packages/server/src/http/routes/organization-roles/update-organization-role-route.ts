import { updateOrganizationRole } from "../../../flows/organization-roles/update-organization-role.js";
import { CREATOR_ROLE } from "../../../flows/organizations/organization-roles.js";
import { organizationRoleJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";
import { updateRoleBody } from "./organization-role-input.js";

/**
 * `PATCH /v1/organization_roles/{organization_role_id}`: changes the fields given (`permissions`
 * replaces the role's); a new key is carried to the role's memberships and invitations.
 *
 * @throws `resource_not_found` (404), `organization_system_role_protected` (a system role's key),
 *   `form_identifier_exists` (`key`), `form_param_format_invalid` (422)
 */
export const updateOrganizationRoleRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organization_roles/{organization_role_id}",
  auth: "secret_key",
  body: updateRoleBody,
  handler: async ({ params, body, store }) => {
    const { role } = await updateOrganizationRole(store, params.organization_role_id, {
      ...(body.key == null ? {} : { key: body.key }),
      ...(body.name == null ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.permissions == null ? {} : { permissionIds: body.permissions }),
    });
    return organizationRoleJson(role, role.key === CREATOR_ROLE);
  },
});
