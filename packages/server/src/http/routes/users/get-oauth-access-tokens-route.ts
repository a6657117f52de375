import { z } from "zod";
import { defineRoute } from "../../define-route.js";
import { listAnswer, pageQuery } from "../../list-answer.js";
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
  query: z.object(pageQuery),
  handler: async ({ params, query, store }) => {
    await requireUser(store, params.user_id);
    return listAnswer([], query.paginated, 0);
  },
});
