import { defineRoute } from "../../define-route.js";
import { listAnswer } from "../../list-answer.js";
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
    const filter = userFilterFromQuery(context.query);
    const users = await context.store.listUsers(filter, userPageFromQuery(context.query));
    return listAnswer(
      users.map((user) => answerUser(context, user)),
      context.query.paginated,
      () => context.store.countUsers(filter),
    );
  },
});
