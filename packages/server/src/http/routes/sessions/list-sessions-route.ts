import { z } from "zod";
import { SESSION_STATUSES, type SessionFilter } from "../../../store/session-store.js";
import { sessionJson } from "../../../wire/session-json.js";
import { defineRoute } from "../../define-route.js";
import { queryBoolean, queryInteger, queryText } from "../../query-params.js";

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
    paginated: queryBoolean(),
    limit: queryInteger({ min: 1, max: 500 }),
    offset: queryInteger({ min: 0 }),
  }),
  handler: async ({ query, store }) => {
    const filter: SessionFilter = {};
    if (query.client_id !== undefined) filter.clientId = query.client_id;
    if (query.user_id !== undefined) filter.userId = query.user_id;
    if (query.status !== undefined) filter.status = query.status;
    const page = { limit: query.limit ?? 10, offset: query.offset ?? 0 };
    const sessions = (await store.listSessions(filter, page)).map(sessionJson);
    if (!query.paginated) return sessions;
    return { data: sessions, total_count: await store.countSessions(filter) };
  },
});
