import { CREATOR_ROLE } from "../../../flows/organizations/organization-roles.js";
import { organizationRoleJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";
import { roleListOf, roleListQuery } from "./organization-role-input.js";

/**
 * `GET /v1/organization_roles`: the instance's roles, `{ data, total_count }`, newest first unless
 * `order_by` says otherwise (`created_at`, `name`, `key`); `query` matches an exact id or part of
 * a name or key.
 *
 * @throws `form_param_value_invalid` / `form_param_format_invalid` (422) for bad parameters
 */
export const listOrganizationRolesRoute = defineRoute({
  method: "GET",
  path: "/v1/organization_roles",
  auth: "secret_key",
  query: roleListQuery,
  handler: async ({ query, store }) => {
    const roles = await store.listOrganizationRoles(roleListOf(query));
    return {
      data: roles.map((role) => organizationRoleJson(role, role.key === CREATOR_ROLE)),
      total_count: await store.countOrganizationRoles(query.query),
    };
  },
});
