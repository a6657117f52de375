import { organizationMetadataRoute } from "./organization-metadata-route.js";

/** `PUT /v1/organizations/{organization_id}/metadata`: replaces each given field whole. */
export const replaceOrganizationMetadataRoute = organizationMetadataRoute("replace");
