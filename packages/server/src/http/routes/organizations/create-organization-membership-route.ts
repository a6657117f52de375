import { z } from "zod";
import { createOrganizationMembership } from "../../../flows/organizations/create-organization-membership.js";
import { organizationMembershipJson } from "../../../wire/organization-membership-json.js";
import { defineRoute } from "../../define-route.js";
import { metadataSchema } from "./list-params.js";

/**
 * `POST /v1/organizations/{organization_id}/memberships`: adds a user with a role.
 *
 * @throws ApiError `resource_not_found` (organization, user or role),
 *   `already_a_member_in_organization`, `organization_membership_quota_exceeded`
 */
export const createOrganizationMembershipRoute = defineRoute({
  method: "POST",
  path: "/v1/organizations/{organization_id}/memberships",
  auth: "secret_key",
  body: z.strictObject({
    user_id: z.string().min(1),
    role: z.string().min(1),
    public_metadata: metadataSchema().nullable().optional(),
    private_metadata: metadataSchema().nullable().optional(),
  }),
  handler: async ({ params, body, store, baseUrl }) => {
    const membership = (
      await createOrganizationMembership(store, params.organization_id, {
        userId: body.user_id,
        role: body.role,
        publicMetadata: body.public_metadata ?? null,
        privateMetadata: body.private_metadata ?? null,
      })
    ).membership;
    return organizationMembershipJson(membership, baseUrl);
  },
});
