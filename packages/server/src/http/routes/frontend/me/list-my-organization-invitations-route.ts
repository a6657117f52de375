import { z } from "zod";
import { frontendOrganizationInvitationJson } from "../../../../wire/frontend-organization-invitation-json.js";
import { defineRoute } from "../../../define-route.js";
import {
  invitationStatusSchema,
  limitParam,
  offsetParam,
  paging,
} from "../../organizations/list-params.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `GET /v1/me/organization_invitations`: invitations addressed to the signed-in user's email
 * addresses, newest first, optionally by `status`; `{ data, total_count }`.
 *
 * @throws `signed_out` (401); `form_param_format_invalid` (422)
 */
export const listMyOrganizationInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/me/organization_invitations",
  auth: "client",
  query: z.object({
    limit: limitParam(),
    offset: offsetParam(),
    status: z.preprocess((v) => (v === "" ? undefined : v), invitationStatusSchema().optional()),
  }),
  handler: async ({ query, auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const page = await store.listUserOrganizationInvitations(
      user.id,
      query.status === undefined ? {} : { statuses: [query.status] },
      paging(query),
    );
    return {
      data: page.data.map((invitation) => frontendOrganizationInvitationJson(invitation)),
      total_count: page.totalCount,
    };
  },
});
