import { z } from "zod";
import { createOrganization } from "../../../flows/organizations/create-organization.js";
import { organizationJson } from "../../../wire/organization-json.js";
import { defineRoute } from "../../define-route.js";
import { metadataSchema } from "./list-params.js";
import {
  checkOrganizationName,
  checkOrganizationSlug,
  parseCreatedAt,
} from "./organization-input.js";

const body = z.strictObject({
  name: z.string(),
  slug: z.string().nullable().optional(),
  created_by: z.string().nullable().optional(),
  // A PostgreSQL integer column: larger values are refused here, not by SQL.
  max_allowed_memberships: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  public_metadata: metadataSchema().nullable().optional(),
  private_metadata: metadataSchema().nullable().optional(),
  created_at: z.string().nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});

/**
 * `POST /v1/organizations`: creates an organization; `created_by` becomes its admin; the slug is
 * derived from the name when absent.
 *
 * @throws ApiError `form_identifier_exists` (slug), `form_param_format_invalid`,
 *   `form_param_value_invalid`, `organization_creator_not_found`
 */
export const createOrganizationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations",
  auth: "secret_key",
  body,
  handler: async ({ body, store }) => {
    const org = (
      await createOrganization(store, {
        name: checkOrganizationName(body.name),
        slug: body.slug ? checkOrganizationSlug(body.slug) : null,
        createdBy: body.created_by || null,
        maxAllowedMemberships: body.max_allowed_memberships ?? null,
        publicMetadata: body.public_metadata ?? null,
        privateMetadata: body.private_metadata ?? null,
        roleSetKey: body.role_set_key ?? null,
        ...(body.created_at ? { createdAt: parseCreatedAt(body.created_at) } : {}),
      })
    ).organization;
    return organizationJson(org);
  },
});
