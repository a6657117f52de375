import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { createOrganization } from "../../../../flows/organizations/create-organization.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import { frontendOrganizationJson } from "../../../../wire/frontend-organization-json.js";
import { defineRoute } from "../../../define-route.js";
import {
  checkOrganizationName,
  checkOrganizationSlug,
} from "../../organizations/organization-input.js";
import { requireSignedInUser } from "../me/require-signed-in-user.js";

/** Organizations the user created and still belongs to (what `create_organizations_limit` counts). */
async function countCreatedOrganizations(store: Store, user: UserRecord): Promise<number> {
  let created = 0;
  for (let offset = 0; ; offset += 100) {
    const page = await store.listUserOrganizationMemberships(user.id, { limit: 100, offset });
    created += page.data.filter((m) => m.organization.createdBy === user.id).length;
    if (page.data.length < 100) return created;
  }
}

/**
 * `POST /v1/organizations` (Frontend API): the signed-in user creates an organization (`name`,
 * optional `slug`, derived from the name when absent) and becomes its admin. Allowed only when
 * the user's `create_organization_enabled` is set and `create_organizations_limit` (when set) is
 * not reached.
 *
 * @throws `signed_out` (401); `not_allowed_access` (403); `form_param_value_invalid` (name),
 *   `form_param_format_invalid` (slug), `form_identifier_exists` (slug taken) (422)
 */
export const createOrganizationRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations",
  auth: "client",
  body: z.strictObject({ name: z.string(), slug: z.string().nullable().optional() }),
  handler: async ({ body, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    if (!user.createOrganizationEnabled) {
      throw new ApiError("not_allowed_access", {
        longMessage: "You are not allowed to create organizations.",
      });
    }
    const limit = user.createOrganizationsLimit;
    if (limit !== null && limit > 0 && (await countCreatedOrganizations(store, user)) >= limit) {
      throw new ApiError("not_allowed_access", {
        longMessage: "You have exceeded the maximum number of organizations you can create.",
        meta: { create_organizations_limit: limit },
      });
    }
    const organization = (
      await createOrganization(store, {
        name: checkOrganizationName(body.name),
        slug: body.slug ? checkOrganizationSlug(body.slug) : null,
        createdBy: user.id,
      })
    ).organization;
    return frontendOrganizationJson(organization);
  },
});
