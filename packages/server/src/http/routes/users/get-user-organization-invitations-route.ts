import { z } from "zod";
import { organizationInvitationJson } from "../../../wire/organization-invitation-json.js";
import { defineRoute } from "../../define-route.js";
import {
  invitationStatusSchema,
  limitParam,
  offsetParam,
  paging,
} from "../organizations/list-params.js";

/**
 * `GET /v1/users/{user_id}/organization_invitations`: invitations addressed to any of the user's
 * email addresses, with `public_organization_data`; `{ data, total_count }`, newest first.
 *
 * @throws ApiError `resource_not_found` (unknown user), `form_param_format_invalid` (status)
 */
export const getUserOrganizationInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/users/{user_id}/organization_invitations",
  auth: "secret_key",
  query: z.object({
    limit: limitParam(),
    offset: offsetParam(),
    status: z.preprocess(
      (value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value),
      invitationStatusSchema().optional(),
    ),
  }),
  handler: async ({ params, query, store, baseUrl }) => {
    const result = await store.listUserOrganizationInvitations(
      params.user_id,
      query.status ? { statuses: [query.status] } : {},
      paging(query),
    );
    return {
      data: result.data.map((invitation) =>
        organizationInvitationJson(invitation, baseUrl, { includePublicOrganizationData: true }),
      ),
      total_count: result.totalCount,
    };
  },
});
