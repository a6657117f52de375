import { z } from "zod";
import { organizationInvitationJson } from "../../../wire/organization-invitation-json.js";
import { defineRoute } from "../../define-route.js";
import { queryText } from "../../query-params.js";
import {
  invitationStatusSchema,
  limitParam,
  offsetParam,
  orderByParam,
  paging,
} from "./list-params.js";

/** `status` given once or repeated. */
const statusList = () =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : [value].flat()),
    z.array(invitationStatusSchema()).optional(),
  );

/**
 * `GET /v1/organizations/{organization_id}/invitations`: `{ data, total_count }`, filtered by
 * `status` (repeatable) and `email_address`, ordered by `created_at` or `email_address`.
 *
 * @throws ApiError `resource_not_found`, `form_param_format_invalid` (status),
 *   `form_param_value_invalid` (order_by)
 */
export const listOrganizationInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/invitations",
  auth: "secret_key",
  query: z.object({
    status: statusList(),
    email_address: queryText(),
    order_by: queryText(),
    limit: limitParam(),
    offset: offsetParam(),
  }),
  handler: async ({ params, query, store, baseUrl }) => {
    const orderBy = orderByParam(
      query.order_by,
      ["created_at", "email_address"] as const,
      "-created_at",
    );
    const result = await store.listOrganizationInvitations(
      params.organization_id,
      {
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.email_address ? { emailAddress: query.email_address } : {}),
      },
      { ...paging(query), orderBy },
    );
    return {
      data: result.data.map((invitation) => organizationInvitationJson(invitation, baseUrl)),
      total_count: result.totalCount,
    };
  },
});

/**
 * `GET /v1/organizations/{organization_id}/invitations/pending` (deprecated in the spec): the
 * pending invitations, newest first.
 *
 * @throws ApiError `resource_not_found`
 */
export const listPendingOrganizationInvitationsRoute = defineRoute({
  method: "GET",
  path: "/v1/organizations/{organization_id}/invitations/pending",
  auth: "secret_key",
  query: z.object({ limit: limitParam(), offset: offsetParam() }),
  handler: async ({ params, query, store, baseUrl }) => {
    const result = await store.listOrganizationInvitations(
      params.organization_id,
      { statuses: ["pending"] },
      { ...paging(query), orderBy: { field: "created_at", direction: "desc" } },
    );
    return {
      data: result.data.map((invitation) => organizationInvitationJson(invitation, baseUrl)),
      total_count: result.totalCount,
    };
  },
});
