import { z } from "zod";
import { SESSION_STATUSES, type SessionFilter } from "../../../store/session-store.js";
import { sessionJson } from "../../../wire/session-json.js";
import { defineRoute } from "../../define-route.js";
import { listAnswer, pageOf, pageQuery } from "../../list-answer.js";
import { queryText } from "../../query-params.js";

/**
 * `GET /v1/sessions`: sessions filtered by `client_id`, `user_id`, `status`, newest first; a bare
 * array, or `{ data, total_count }` with `paginated=true`.
 */
export const listSessionsRoute = defineRoute({
  method: "GET",
  path: "/v1/sessions",
  auth: "secret_key",
  query: z.object({
    client_id: queryText(),
    user_id: queryText(),
    status: z.preprocess(
      (value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value),
      z.enum(SESSION_STATUSES).optional(),
    ),
    ...pageQuery,
  }),
  handler: async ({ query, store }) => {
    const filter: SessionFilter = {};
    if (query.client_id !== undefined) filter.clientId = query.client_id;
    if (query.user_id !== undefined) filter.userId = query.user_id;
    if (query.status !== undefined) filter.status = query.status;
    const sessions = (await store.listSessions(filter, pageOf(query))).map(sessionJson);
    return listAnswer(sessions, query.paginated, () => store.countSessions(filter));
  },
});
