import { z } from "zod";
import { CREATOR_ROLE } from "../../../../flows/organizations/organization-roles.js";
import { organizationRoleJson } from "../../../../wire/organization-role-json.js";
import { defineRoute } from "../../../define-route.js";
import { limitParam, offsetParam, paging } from "../../organizations/list-params.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";
import { requireOrganizationMember } from "./require-organization-member.js";

/**
 * `GET /v1/organizations/{organization_id}/roles` (Frontend API): the roles a member can be
 * given, for any member of the organization — `{ data, total_count, has_role_set_migration }`
 * (what `<OrganizationProfile/>` offers when inviting or changing a member's role). Every
 * organization has the instance's roles: `org:admin`, `org:member` and those made with
 * `POST /v1/organization_roles` (Backend API), oldest first.
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
    const roles = await store.listOrganizationRoles({
      limit,
      offset,
      orderBy: { field: "created_at", direction: "asc" },
    });
    return {
      data: roles.map((role) => organizationRoleJson(role, role.key === CREATOR_ROLE)),
      total_count: await store.countOrganizationRoles(),
      has_role_set_migration: false,
    };
  },
});
