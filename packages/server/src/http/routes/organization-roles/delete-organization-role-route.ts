import { deleteOrganizationRole } from "../../../flows/organization-roles/delete-organization-role.js";
import { deletedObjectJson } from "../../../wire/deleted-object-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `DELETE /v1/organization_roles/{organization_role_id}`: answers the deleted object.
 *
 * @throws `resource_not_found` (404), `organization_system_role_protected`,
 *   `organization_role_in_use` (422: a member holds it or a pending invitation offers it)
 */
export const deleteOrganizationRoleRoute = defineRoute({
  method: "DELETE",
  path: "/v1/organization_roles/{organization_role_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const { role } = await deleteOrganizationRole(store, params.organization_role_id);
    return deletedObjectJson("role", role.id);
  },
});
