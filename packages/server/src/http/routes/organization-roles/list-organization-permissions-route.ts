import { organizationPermissionJson } from "../../../wire/organization-role-json.js";
import { defineRoute } from "../../define-route.js";
import { roleListOf, roleListQuery } from "./organization-role-input.js";

/**
 * `GET /v1/organization_permissions`: the permissions roles can grant (system and custom),
 * `{ data, total_count }`, newest first unless `order_by` says otherwise.
 *
 * @throws `form_param_value_invalid` / `form_param_format_invalid` (422) for bad parameters
 */
export const listOrganizationPermissionsRoute = defineRoute({
  method: "GET",
  path: "/v1/organization_permissions",
  auth: "secret_key",
  query: roleListQuery,
  handler: async ({ query, store }) => ({
    data: (await store.listOrganizationPermissions(roleListOf(query))).map(
      organizationPermissionJson,
    ),
    total_count: await store.countOrganizationPermissions(query.query),
  }),
});
