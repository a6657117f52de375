import { z } from "zod";
import { jwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { defineRoute } from "../../define-route.js";
import { queryBoolean, queryInteger } from "../../query-params.js";

/** `GET /v1/jwt_templates`: oldest first; a bare array, or `{ data, total_count }` when paginated. */
export const listJwtTemplatesRoute = defineRoute({
  method: "GET",
  path: "/v1/jwt_templates",
  auth: "secret_key",
  query: z.object({
    paginated: queryBoolean(),
    limit: queryInteger({ min: 1, max: 500 }),
    offset: queryInteger({ min: 0 }),
  }),
  handler: async ({ query, store }) => {
    const page = { limit: query.limit ?? 10, offset: query.offset ?? 0 };
    const templates = (await store.listJwtTemplates(page)).map(jwtTemplateJson);
    if (!query.paginated) return templates;
    return { data: templates, total_count: await store.countJwtTemplates() };
  },
});
