import { z } from "zod";
import { updateOrganization } from "../../../../flows/organizations/update-organization.js";
import type { OrganizationPatch } from "../../../../store/organization-store.js";
import { frontendOrganizationJson } from "../../../../wire/frontend-organization-json.js";
import { defineRoute } from "../../../define-route.js";
import {
  checkOrganizationName,
  checkOrganizationSlug,
} from "../../organizations/organization-input.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

/**
 * `PATCH /v1/organizations/{organization_id}` (Frontend API): renames the organization or changes
 * its slug; the signed-in user needs `org:sys_profile:manage` (admins).
 *
 * @throws `signed_out` (401); `missing_organization_permission` (403); `resource_not_found`
 *   (404); `form_param_value_invalid`, `form_param_format_invalid`, `form_identifier_exists` (422)
 */
export const updateOrganizationRoute = defineRoute({
  method: "PATCH",
  path: "/v1/organizations/{organization_id}",
  auth: "client",
  body: z.strictObject({
    name: z.string().nullable().optional(),
    slug: z.string().nullable().optional(),
  }),
  handler: async ({ params, body, auth, store, request, clock }) => {
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_profile:manage",
    );
    const patch: OrganizationPatch = {};
    if (body.name) patch.name = checkOrganizationName(body.name);
    if (body.slug) patch.slug = checkOrganizationSlug(body.slug);
    const updated = (await updateOrganization(store, membership.organizationId, patch))
      .organization;
    return frontendOrganizationJson(updated);
  },
});
