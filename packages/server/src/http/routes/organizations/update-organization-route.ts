import { z } from "zod";
import { updateOrganization } from "../../../flows/organizations/update-organization.js";
import type { OrganizationPatch } from "../../../store/organization-store.js";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import {
  checkOrganizationName,
  checkOrganizationSlug,
  parseCreatedAt,
} from "./organization-input.js";

// No metadata since API version 2026-05-12: `public_metadata` here is an unknown parameter.
const body = z.strictObject({
  name: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  // A PostgreSQL integer column: larger values are refused here, not by SQL.
  max_allowed_memberships: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  admin_delete_enabled: z.boolean().nullable().optional(),
  created_at: z.string().nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});

/**
 * `PATCH /v1/organizations/{organization_id}`: changes the given fields (null leaves one as it is).
 *
 * @throws ApiError `resource_not_found`, `form_identifier_exists` (slug), `form_param_unknown`
 *   (e.g. metadata), `form_param_format_invalid`, `form_param_value_invalid`
 */
export const updateOrganizationRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}",
  auth: "secret_key",
  body,
  handler: async ({ params, body, store }) => {
    const patch: OrganizationPatch = {};
    if (body.name != null) patch.name = checkOrganizationName(body.name);
    if (body.slug != null) patch.slug = checkOrganizationSlug(body.slug);
    if (body.max_allowed_memberships != null) {
      patch.maxAllowedMemberships = body.max_allowed_memberships;
    }
    if (body.admin_delete_enabled != null) patch.adminDeleteEnabled = body.admin_delete_enabled;
    if (body.role_set_key != null) patch.roleSetKey = body.role_set_key;
    if (body.created_at != null) patch.createdAt = parseCreatedAt(body.created_at);
    return organizationJson(
      (await updateOrganization(store, params.organization_id, patch)).organization,
    );
  },
});
