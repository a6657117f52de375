import { setOrganizationMetadata } from "../../../flows/organizations/update-organization.js";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { metadataUpdate, organizationMetadataBody } from "./organization-metadata-body.js";

/**
 * `PUT /v1/organizations/{organization_id}/metadata`: replaces each given metadata field whole
 * (what the SDK's `updateOrganization` sends metadata to).
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid`
 */
export const replaceOrganizationMetadataRoute = defineRoute({
  method: "PUT",
  path: "/v1/organizations/{organization_id}/metadata",
  auth: "secret_key",
  body: organizationMetadataBody,
  handler: async ({ params, body, store }) =>
    organizationJson(
      (
        await setOrganizationMetadata(
          store,
          params.organization_id,
          metadataUpdate(body),
          "replace",
        )
      ).organization,
    ),
});
