import { defineRoute } from "../define-route.js";

/** `GET /healthz`: 200 when the database answers. Public, so load balancers can probe it. */
export const healthRoute = defineRoute({
  method: "GET",
  path: "/healthz",
  auth: "public",
  handler: async ({ store }) => {
    await store.ping();
    return { status: "ok" };
  },
});
