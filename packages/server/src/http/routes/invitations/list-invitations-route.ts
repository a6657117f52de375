import { z } from "zod";
import { invitationJson } from "../../../wire/invitation-json.js";
import { defineRoute } from "../../define-route.js";
import { queryBoolean, queryText } from "../../query-params.js";
import {
  invitationStatusSchema,
  limitParam,
  offsetParam,
  orderByParam,
  paging,
} from "../organizations/list-params.js";

/**
 * `GET /v1/invitations`: a bare array, or `{ data, total_count }` with `paginated=true`. Without
 * `status`, revoked invitations are left out (as the spec describes); `query` matches the email
 * address (partly) or the id.
 *
 * @throws ApiError `form_param_format_invalid` (status), `form_param_value_invalid` (order_by)
 */
export const listInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/invitations",
  auth: "secret_key",
  query: z.object({
    status: z.preprocess(
      (value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value),
      invitationStatusSchema().optional(),
    ),
    query: queryText(),
    order_by: queryText(),
    paginated: queryBoolean(),
    limit: limitParam(),
    offset: offsetParam(),
  }),
  handler: async ({ query, store }) => {
    const orderBy = orderByParam(
      query.order_by,
      ["created_at", "email_address", "expires_at"] as const,
      "-created_at",
    );
    const result = await store.listInvitations(
      {
        statuses: query.status ? [query.status] : ["pending", "accepted", "expired"],
        ...(query.query ? { query: query.query } : {}),
      },
      { ...paging(query), orderBy },
    );
    const data = result.data.map(invitationJson);
    return query.paginated ? { data, total_count: result.totalCount } : data;
  },
});
