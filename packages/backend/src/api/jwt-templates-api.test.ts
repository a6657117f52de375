import { expect } from "vitest";
import { describeApiScenarios, describeEmptyIdChecks } from "./api-scenarios.test-helpers.js";
import { deletedJson, jwtTemplateJson, page } from "./fixtures.test-helpers.js";
import type { JwtTemplate } from "./resources/jwt-template.js";
import type { PaginatedResourceResponse } from "./resources/paginated-list.js";

const claims = {
  aud: "authenticated",
  user_email: "{{user.primary_email_address}}",
  appRole: "{{user.public_metadata.role}}",
  nested_obj: { innerKey: "{{org.id}}" },
};

describeApiScenarios("jwtTemplates api", [
  {
    name: "list asks for a paginated list",
    call: (api) => api.jwtTemplates.list({ limit: 2, offset: 4 }),
    expected: [
      {
        method: "GET",
        path: "/jwt_templates",
        query: { limit: "2", offset: "4", paginated: "true" },
      },
    ],
    reply: () => page([jwtTemplateJson(), jwtTemplateJson({ id: "jtmp_2", name: "hasura" })], 6),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<JwtTemplate>;
      expect(totalCount).toBe(6);
      expect(data.map((t) => t.name)).toEqual(["supabase", "hasura"]);
    },
  },
  {
    name: "list without params still asks for pagination",
    call: (api) => api.jwtTemplates.list(),
    expected: [{ method: "GET", path: "/jwt_templates", query: { paginated: "true" } }],
    reply: () => [jwtTemplateJson()],
    check: (result) => expect(result).toMatchObject({ totalCount: 1, data: [{ id: "jtmp_1" }] }),
  },
  {
    name: "get camelizes the template and keeps claims verbatim",
    call: (api) => api.jwtTemplates.get("jtmp_1"),
    expected: [{ method: "GET", path: "/jwt_templates/jtmp_1" }],
    reply: () => jwtTemplateJson({ claims }),
    check: (result) => {
      const template = result as JwtTemplate;
      expect(template.claims).toEqual(claims);
      expect(template.allowedClockSkew).toBe(5);
      expect(template.customSigningKey).toBe(false);
      expect(template.signingAlgorithm).toBe("RS256");
      expect(template.lifetime).toBe(60);
    },
  },
  {
    name: "create sends snake_case settings and the claims untouched",
    call: (api) =>
      api.jwtTemplates.create({
        name: "supabase",
        claims,
        lifetime: 120,
        allowedClockSkew: 10,
        customSigningKey: false,
      }),
    expected: [
      {
        method: "POST",
        path: "/jwt_templates",
        body: {
          name: "supabase",
          claims,
          lifetime: 120,
          allowed_clock_skew: 10,
          custom_signing_key: false,
        },
      },
    ],
    reply: () => jwtTemplateJson({ claims, lifetime: 120, allowed_clock_skew: 10 }),
    check: (result) =>
      expect(result).toMatchObject({ lifetime: 120, allowedClockSkew: 10, claims }),
  },
  {
    name: "update PATCHes the template without sending its id in the body",
    call: (api) =>
      api.jwtTemplates.update({
        templateId: "jtmp_1",
        name: "supabase",
        claims: { aud: "authenticated" },
        customSigningKey: true,
        signingAlgorithm: "HS256",
        signingKey: "a-shared-signing-secret",
        lifetime: null,
      }),
    expected: [
      {
        method: "PATCH",
        path: "/jwt_templates/jtmp_1",
        body: {
          name: "supabase",
          claims: { aud: "authenticated" },
          custom_signing_key: true,
          signing_algorithm: "HS256",
          signing_key: "a-shared-signing-secret",
          lifetime: null,
        },
      },
    ],
    reply: () =>
      jwtTemplateJson({
        claims: { aud: "authenticated" },
        custom_signing_key: true,
        signing_algorithm: "HS256",
      }),
    check: (result) => {
      expect(result).toMatchObject({ customSigningKey: true, signingAlgorithm: "HS256" });
      expect(result).not.toHaveProperty("signingKey");
    },
  },
  {
    name: "delete answers the deleted object",
    call: (api) => api.jwtTemplates.delete("jtmp_1"),
    expected: [{ method: "DELETE", path: "/jwt_templates/jtmp_1" }],
    reply: () => deletedJson("jwt_template", "jtmp_1"),
    check: (result) =>
      expect(result).toEqual({ object: "jwt_template", id: "jtmp_1", deleted: true }),
  },
]);

describeEmptyIdChecks("jwtTemplates api", {
  get: (api) => api.jwtTemplates.get(""),
  update: (api) => api.jwtTemplates.update({ templateId: "", name: "x", claims: {} }),
  delete: (api) => api.jwtTemplates.delete(""),
});
