import { setOrganizationMetadata } from "../../../flows/organizations/update-organization.js";
import { organizationJson } from "../../../wire/organization-json.js";
import { type AnyRoute, defineRoute } from "../../define-route.js";
import { metadataUpdate, organizationMetadataBody } from "./organization-metadata-body.js";

/**
 * Builds `PATCH /v1/organizations/{organization_id}/metadata` (`merge`: deep-merges; `null`
 * deletes a key) or `PUT …/metadata` (`replace`: each given field replaced whole, what the SDK's
 * `updateOrganization` sends metadata to).
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid`
 */
export function organizationMetadataRoute(mode: "merge" | "replace"): AnyRoute {
  return defineRoute({
    method: mode === "merge" ? "PATCH" : "PUT",
    path: "/v1/organizations/{organization_id}/metadata",
    auth: "secret_key",
    body: organizationMetadataBody,
    handler: async ({ params, body, store }) => {
      const update = metadataUpdate(body);
      const result = await setOrganizationMetadata(store, params.organization_id, update, mode);
      return organizationJson(result.organization);
    },
  });
}
