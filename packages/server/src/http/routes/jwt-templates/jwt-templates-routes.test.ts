import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

let counter = 0;
const uniqueName = () => {
  counter += 1;
  return `template_${counter}`;
};

async function create(body: Record<string, unknown>) {
  return instance.call("POST", "/v1/jwt_templates", { body });
}

describe("POST /v1/jwt_templates", () => {
  it("creates a template with defaults, shaped as the spec's JWTTemplate", async () => {
    const answer = await create({ name: "supabase", claims: { role: "authenticated" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      object: "jwt_template",
      id: expect.stringMatching(/^jtmp_/),
      name: "supabase",
      claims: { role: "authenticated" },
      lifetime: 60,
      allowed_clock_skew: 5,
      custom_signing_key: false,
      signing_algorithm: "RS256",
      created_at: instance.clock.now(),
      updated_at: instance.clock.now(),
    });
    expectMatchesSpec(bapi, "JWTTemplate", answer.body);
  });

  it("refuses a duplicate name with form_identifier_exists", async () => {
    const name = uniqueName();
    await create({ name, claims: {} });
    const answer = await create({ name, claims: {} });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "name" },
    });
  });

  it("refuses reserved claims", async () => {
    for (const claim of ["sub", "iss", "exp", "azp", "jti", "sid", "iat", "nbf"]) {
      const answer = await create({ name: uniqueName(), claims: { [claim]: "x" } });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({
        code: "jwt_template_reserved_claim",
        meta: { param_name: "claims", claim },
      });
    }
  });

  it("refuses bad bodies with form errors", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ claims: {} }, "form_param_missing", "name"],
      [{ name: uniqueName() }, "form_param_missing", "claims"],
      [{ name: uniqueName(), claims: [] }, "form_param_format_invalid", "claims"],
      [{ name: uniqueName(), claims: {}, lifetime: 29 }, "form_param_format_invalid", "lifetime"],
      [
        { name: uniqueName(), claims: {}, allowed_clock_skew: 301 },
        "form_param_format_invalid",
        "allowed_clock_skew",
      ],
      [{ name: uniqueName(), claims: {}, extra: 1 }, "form_param_unknown", "extra"],
      [
        { name: uniqueName(), claims: {}, custom_signing_key: true, signing_key: "k" },
        "form_param_missing",
        "signing_algorithm",
      ],
      [
        { name: uniqueName(), claims: {}, custom_signing_key: true, signing_algorithm: "HS256" },
        "form_param_missing",
        "signing_key",
      ],
      [
        {
          name: uniqueName(),
          claims: {},
          custom_signing_key: true,
          signing_algorithm: "ES256",
          signing_key: "k",
        },
        "form_param_value_invalid",
        "signing_algorithm",
      ],
      [
        {
          name: uniqueName(),
          claims: {},
          custom_signing_key: true,
          signing_algorithm: "RS256",
          signing_key: "not a pem",
        },
        "form_param_format_invalid",
        "signing_key",
      ],
    ];
    for (const [body, code, param] of cases) {
      const answer = await create(body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
  });

  it("accepts an RSA private key for RS* and never answers the signing key", async () => {
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const answer = await create({
      name: uniqueName(),
      claims: {},
      custom_signing_key: true,
      signing_algorithm: "RS384",
      signing_key: pem,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ custom_signing_key: true, signing_algorithm: "RS384" });
    expect(answer.body).not.toHaveProperty("signing_key");
    const listed = await instance.call("GET", "/v1/jwt_templates?limit=500");
    expect(JSON.stringify(listed.body)).not.toContain("PRIVATE KEY");
  });

  it("requires the secret key", async () => {
    const answer = await instance.call("POST", "/v1/jwt_templates", {
      body: { name: uniqueName(), claims: {} },
      secretKey: null,
    });
    expect(answer.status).toBe(401);
  });
});

describe("GET /v1/jwt_templates", () => {
  it("lists templates oldest first, bare or paginated", async () => {
    const all = await instance.call("GET", "/v1/jwt_templates?limit=500");
    expect(all.status).toBe(200);
    expect(Array.isArray(all.body)).toBe(true);
    expect(all.body[0].name).toBe("supabase");
    for (const t of all.body) expectMatchesSpec(bapi, "JWTTemplate", t);
    const page = await instance.call("GET", "/v1/jwt_templates?paginated=true&limit=1&offset=1");
    expect(page.body.total_count).toBe(all.body.length);
    expect(page.body.data.map((t: { id: string }) => t.id)).toEqual([all.body[1].id]);
    const bad = await instance.call("GET", "/v1/jwt_templates?limit=0");
    expect(bad.status).toBe(422);
  });
});

describe("GET|PATCH|DELETE /v1/jwt_templates/{template_id}", () => {
  it("gets, replaces and deletes a template", async () => {
    const created = (await create({ name: uniqueName(), claims: { a: 1 }, lifetime: 120 })).body;
    const got = await instance.call("GET", `/v1/jwt_templates/${created.id}`);
    expect(got.body).toEqual(created);

    instance.clock.advance(1000);
    const name = uniqueName();
    const updated = await instance.call("PATCH", `/v1/jwt_templates/${created.id}`, {
      body: { name, claims: { b: "{{user.id}}" }, allowed_clock_skew: 0 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.id,
      name,
      claims: { b: "{{user.id}}" },
      lifetime: 120,
      allowed_clock_skew: 0,
      created_at: created.created_at,
      updated_at: created.created_at + 1000,
    });
    expectMatchesSpec(bapi, "JWTTemplate", updated.body);

    const deleted = await instance.call("DELETE", `/v1/jwt_templates/${created.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ object: "jwt_template", id: created.id, deleted: true });
    expectMatchesSpec(bapi, "DeletedObject", deleted.body);
    expect((await instance.call("GET", `/v1/jwt_templates/${created.id}`)).status).toBe(404);
  });

  it("refuses reserved claims, taken names and bad bodies on update", async () => {
    const a = (await create({ name: uniqueName(), claims: {} })).body;
    const b = (await create({ name: uniqueName(), claims: {} })).body;
    const reserved = await instance.call("PATCH", `/v1/jwt_templates/${a.id}`, {
      body: { name: a.name, claims: { sub: "x" } },
    });
    expect(reserved.body.errors[0].code).toBe("jwt_template_reserved_claim");
    const taken = await instance.call("PATCH", `/v1/jwt_templates/${a.id}`, {
      body: { name: b.name, claims: {} },
    });
    expect(taken.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "name" },
    });
    const missing = await instance.call("PATCH", `/v1/jwt_templates/${a.id}`, { body: {} });
    expect(missing.status).toBe(422);
  });

  it("keeps a custom key on update when none is sent", async () => {
    const created = (
      await create({
        name: uniqueName(),
        claims: {},
        custom_signing_key: true,
        signing_algorithm: "HS256",
        signing_key: "first-secret",
      })
    ).body;
    const updated = await instance.call("PATCH", `/v1/jwt_templates/${created.id}`, {
      body: { name: created.name, claims: { x: 1 }, custom_signing_key: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ custom_signing_key: true, signing_algorithm: "HS256" });
    expect(await instance.store.getJwtTemplateSigningKey(created.id)).toBe("first-secret");
  });

  it("answers 404 for unknown templates", async () => {
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: uniqueName(), claims: {} }],
      ["DELETE", undefined],
    ] as const) {
      const answer = await instance.call(method, "/v1/jwt_templates/jtmp_missing", { body });
      expect(answer.status).toBe(404);
      expect(answer.body.errors[0].code).toBe("resource_not_found");
    }
  });
});
