import { setOrganizationMembershipMetadata } from "../../../flows/organizations/update-organization-membership.js";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";
import { metadataUpdate, organizationMetadataBody } from "./organization-metadata-body.js";

/**
 * `PATCH /v1/organizations/{organization_id}/memberships/{user_id}/metadata`: deep-merges the
 * membership's metadata; `null` deletes a key.
 *
 * @throws ApiError `resource_not_found`
 */
export const updateOrganizationMembershipMetadataRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}/memberships/{user_id}/metadata",
  auth: "secret_key",
  body: organizationMetadataBody,
  handler: async ({ params, body, store, baseUrl }) =>
    organizationMembershipJson(
      (
        await setOrganizationMembershipMetadata(
          store,
          params.organization_id,
          params.user_id,
          metadataUpdate(body),
          "merge",
        )
      ).membership,
      baseUrl,
    ),
});
