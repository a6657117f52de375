import { deleteOrganization } from "../../../../flows/organizations/delete-organization.js";
import { deletedObjectJson } from "../../../../wire/deleted-object-json.js";
import { defineRoute } from "../../../define-route.js";
import { organizationNotFound } from "../../organizations/organization-input.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `DELETE /v1/organizations/{organization_id}` (Frontend API): deletes the organization with its
 * memberships and invitations (`<OrganizationProfile/>`'s "Delete organization"); the signed-in
 * user needs `org:sys_profile:delete` (admins). Answers `{ object, id, deleted: true }`.
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found` (404)
 */
export const deleteOrganizationRoute = defineRoute({
  method: "DELETE",
  path: "/v1/organizations/{organization_id}",
  auth: "client",
  handler: async ({ params, auth, store, request, clock }) => {
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_profile:delete",
    );
    const { organization } = await deleteOrganization(store, membership.organizationId);
    if (organization === null) throw organizationNotFound();
    return deletedObjectJson("organization", organization.id);
  },
});
