import { defineRoute } from "../../define-route.js";
import { userCountQuery, userFilterFromQuery } from "./user-list-query.js";

/** `GET /v1/users/count`: `{ object: "total_count", total_count }` for the same filters as the list. */
export const countUsersRoute = defineRoute({
  method: "GET",
  path: "/v1/users/count",
  auth: "secret_key",
  query: userCountQuery,
  handler: async ({ query, store }) => ({
    object: "total_count",
    total_count: await store.countUsers(userFilterFromQuery(query)),
  }),
});
