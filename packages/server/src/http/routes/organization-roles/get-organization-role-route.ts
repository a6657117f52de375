import { ApiError } from "../../../errors/api-error.js";
import { CREATOR_ROLE } from "../../../flows/organizations/organization-roles.js";
import { organizationRoleJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";

/** `GET /v1/organization_roles/{organization_role_id}`. @throws `resource_not_found` (404) */
export const getOrganizationRoleRoute = defineRoute({
  method: "GET",
  path: "/v1/organization_roles/{organization_role_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const role = await store.getOrganizationRole(params.organization_role_id);
    if (role === null) {
      throw new ApiError("resource_not_found", { paramName: "organization_role_id" });
    }
    return organizationRoleJson(role, role.key === CREATOR_ROLE);
  },
});
