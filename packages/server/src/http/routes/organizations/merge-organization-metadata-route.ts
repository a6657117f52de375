import { organizationMetadataRoute } from "./organization-metadata-route.js";

/** `PATCH /v1/organizations/{organization_id}/metadata`: deep-merges; `null` deletes a key. */
export const mergeOrganizationMetadataRoute = organizationMetadataRoute("merge");
