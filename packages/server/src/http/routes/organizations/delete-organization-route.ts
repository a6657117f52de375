import { deleteOrganization } from "../../../flows/organizations/delete-organization.js";
import { deletedOrganizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { organizationNotFound } from "./organization-input.js";

/**
 * `DELETE /v1/organizations/{organization_id}`: deletes it with its memberships and invitations.
 *
 * @throws ApiError `resource_not_found`
 */
export const deleteOrganizationRoute = defineRoute({
  method: "DELETE",
  path: "/v1/organizations/{organization_id}",
  auth: "secret_key",
  handler: async ({ params, store }) => {
    const deleted = (await deleteOrganization(store, params.organization_id)).organization;
    if (deleted === null) throw organizationNotFound();
    return deletedOrganizationJson(deleted);
  },
});
