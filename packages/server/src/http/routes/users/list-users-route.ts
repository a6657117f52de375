import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";
import { userFilterFromQuery, userListQuery, userPageFromQuery } from "./user-list-query.js";

/**
 * `GET /v1/users`: newest first by default; a bare array, or `{ data, total_count }` when the
 * client sends `paginated=true`.
 */
export const listUsersRoute = defineRoute({
  method: "GET",
  path: "/v1/users",
  auth: "secret_key",
  query: userListQuery,
  handler: async (context) => {
    const { query, store } = context;
    const filter = userFilterFromQuery(query);
    const users = await store.listUsers(filter, userPageFromQuery(query));
    const data = users.map((user) => answerUser(context, user));
    if (query.paginated !== true) return data;
    return { data, total_count: await store.countUsers(filter) };
  },
});
