import { z } from "zod";
import { jwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { defineRoute } from "../../define-route.js";
import { listAnswer, pageOf, pageQuery } from "../../list-answer.js";

/** `GET /v1/jwt_templates`: oldest first; a bare array, or `{ data, total_count }` when paginated. */
export const listJwtTemplatesRoute = defineRoute({
  method: "GET",
  path: "/v1/jwt_templates",
  auth: "secret_key",
  query: z.object(pageQuery),
  handler: async ({ query, store }) =>
    listAnswer(
      (await store.listJwtTemplates(pageOf(query))).map(jwtTemplateJson),
      query.paginated,
      () => store.countJwtTemplates(),
    ),
});
