import { z } from "zod";
import { CREATOR_ROLE } from "../../../../flows/organizations/organization-roles.js";
import { ORGANIZATION_ROLES } from "../../../../store/organization-roles.js";
import { defineRoute } from "../../../define-route.js";
import { limitParam, offsetParam, paging } from "../../organizations/list-params.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOrganizationMember } from "./require-organization-member.js";

/** The roles and their permissions are built in: they exist from the instance's first start. */
const BUILT_IN_AT = 0;

/** What Clerk calls its system permissions, for the components that list them. */
const PERMISSION_NAMES: Record<string, string> = {
  "org:sys_profile:manage": "Manage organization",
  "org:sys_profile:delete": "Delete organization",
  "org:sys_memberships:read": "Read members",
  "org:sys_memberships:manage": "Manage members",
  "org:sys_domains:read": "Read domains",
  "org:sys_domains:manage": "Manage domains",
};

/** A stable id for a built-in role or permission key: `org:admin` → `role_org_admin`. */
const idOf = (prefix: string, key: string) => `${prefix}_${key.replace(/[^A-Za-z0-9]+/g, "_")}`;

function permissionJson(key: string) {
  return {
    object: "permission" as const,
    id: idOf("perm", key),
    key,
    name: PERMISSION_NAMES[key] ?? key,
    description: "",
    type: "system" as const,
    created_at: BUILT_IN_AT,
    updated_at: BUILT_IN_AT,
  };
}

/**
 * `GET /v1/organizations/{organization_id}/roles` (Frontend API): the roles a member can be
 * given, for any member of the organization — `{ data, total_count, has_role_set_migration }`
 * (what `<OrganizationProfile/>` offers when inviting or changing a member's role). Every
 * organization has the instance's roles, `org:admin` and `org:member`.
 *
 * @throws `signed_out` (401); `resource_not_found` (404); `form_param_format_invalid` (422)
 */
export const listOrganizationRolesRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/roles",
  auth: "client",
  query: z.object({ limit: limitParam(), offset: offsetParam() }),
  handler: async ({ params, query, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    await requireOrganizationMember(store, params.organization_id, user.id);
    const { limit, offset } = paging(query);
    const data = ORGANIZATION_ROLES.slice(offset, offset + limit).map((role) => ({
      object: "role" as const,
      id: idOf("role", role.key),
      key: role.key,
      name: role.name,
      description: "",
      is_creator_eligible: role.key === CREATOR_ROLE,
      permissions: role.permissions.map(permissionJson),
      created_at: BUILT_IN_AT,
      updated_at: BUILT_IN_AT,
    }));
    return { data, total_count: ORGANIZATION_ROLES.length, has_role_set_migration: false };
  },
});
