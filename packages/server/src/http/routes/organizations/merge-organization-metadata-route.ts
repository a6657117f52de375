import { setOrganizationMetadata } from "../../../flows/organizations/update-organization.js";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { metadataUpdate, organizationMetadataBody } from "./organization-metadata-body.js";

/**
 * `PATCH /v1/organizations/{organization_id}/metadata`: deep-merges metadata; `null` deletes a key.
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid`
 */
export const mergeOrganizationMetadataRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}/metadata",
  auth: "secret_key",
  body: organizationMetadataBody,
  handler: async ({ params, body, store }) =>
    organizationJson(
      (await setOrganizationMetadata(store, params.organization_id, metadataUpdate(body), "merge"))
        .organization,
    ),
});
