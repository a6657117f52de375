import { z } from "zod";
import { defineRoute } from "../../define-route.js";
import { queryBoolean, queryInteger } from "../../query-params.js";
import { requireUser } from "./user-answer.js";

/**
 * `GET /v1/users/{user_id}/oauth_access_tokens/{provider}`: the user's OAuth tokens for a
 * provider. This instance has no external accounts yet, so the list is empty (`[]`, or
 * `{ data: [], total_count: 0 }` with `paginated=true`).
 */
export const getOAuthAccessTokensRoute = defineRoute({
  method: "GET",
  path: "/v1/users/{user_id}/oauth_access_tokens/{provider}",
  auth: "secret_key",
  query: z.object({
    paginated: queryBoolean(),
    limit: queryInteger({ min: 1, max: 500 }),
    offset: queryInteger({ min: 0 }),
  }),
  handler: async ({ params, query, store }) => {
    await requireUser(store, params.user_id);
    const tokens: unknown[] = [];
    return query.paginated === true ? { data: tokens, total_count: tokens.length } : tokens;
  },
});
