import type { AnyRoute } from "../../define-route.js";
import { createOrganizationPermissionRoute } from "./create-organization-permission-route.js";
import { createOrganizationRoleRoute } from "./create-organization-role-route.js";
import { deleteOrganizationRoleRoute } from "./delete-organization-role-route.js";
import { getOrganizationRoleRoute } from "./get-organization-role-route.js";
import { listOrganizationPermissionsRoute } from "./list-organization-permissions-route.js";
import { listOrganizationRolesRoute } from "./list-organization-roles-route.js";
import { updateOrganizationRoleRoute } from "./update-organization-role-route.js";

/** The `/v1/organization_roles` and `/v1/organization_permissions` routes. */
export const organizationRolesRoutes: readonly AnyRoute[] = [
  listOrganizationRolesRoute,
  createOrganizationRoleRoute,
  getOrganizationRoleRoute,
  updateOrganizationRoleRoute,
  deleteOrganizationRoleRoute,
  listOrganizationPermissionsRoute,
  createOrganizationPermissionRoute,
];
