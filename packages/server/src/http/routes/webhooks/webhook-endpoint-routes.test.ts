import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { TEST_START_MS, useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const SECRET = `whsec_${Buffer.alloc(24, 7).toString("base64")}`;

describe("webhook endpoint routes", () => {
  const instance = useTestInstance();
  let n = 0;
  const url = () => `https://hooks.example.com/endpoint-${++n}`;

  const expectError = (
    answer: { status: number; body: { errors: Array<Record<string, unknown>> } },
    status: number,
    code: string,
    paramName?: string,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.body.errors[0]).toMatchObject({ code });
    if (paramName !== undefined) {
      expect(answer.body.errors[0]?.meta).toMatchObject({ param_name: paramName });
    }
    expectMatchesSpec(bapi, "ClerkErrors", answer.body);
  };

  it("creates an endpoint, answering its generated secret once", async () => {
    const target = url();
    const created = await instance.call("POST", "/v1/webhooks/endpoints", {
      body: { url: target, event_types: ["user.created", "organizationMembership.updated"] },
    });
    expect(created.status).toBe(200);
    expect(created.headers.get("content-type")).toBe("application/json");
    expect(created.body).toEqual({
      object: "webhook_endpoint",
      id: expect.stringMatching(/^whe_[0-9A-Za-z]{27}$/),
      url: target,
      event_types: ["user.created", "organizationMembership.updated"],
      enabled: true,
      description: null,
      created_at: TEST_START_MS,
      updated_at: TEST_START_MS,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    expect(Buffer.from(created.body.secret.slice(6), "base64")).toHaveLength(24);

    const fetched = await instance.call("GET", `/v1/webhooks/endpoints/${created.body.id}`);
    expect(fetched.status).toBe(200);
    const { secret, ...withoutSecret } = created.body;
    expect(fetched.body).toEqual(withoutSecret);

    const listed = await instance.call("GET", "/v1/webhooks/endpoints?limit=500");
    expect(listed.status).toBe(200);
    expect(listed.body.data).toContainEqual(withoutSecret);
    expect(JSON.stringify([fetched.body, listed.body])).not.toContain(secret);
  });

  it("keeps a given secret and never answers it again", async () => {
    const created = await instance.call("POST", "/v1/webhooks/endpoints", {
      body: { url: url(), secret: SECRET, enabled: false, description: "audit sink" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      secret: SECRET,
      enabled: false,
      description: "audit sink",
    });
    const listed = await instance.call("GET", "/v1/webhooks/endpoints?limit=500");
    expect(JSON.stringify(listed.body)).not.toContain(SECRET.slice(6));
  });

  it("pages the list with { data, total_count }, oldest first", async () => {
    const all = await instance.call("GET", "/v1/webhooks/endpoints?limit=500");
    const total = all.body.total_count as number;
    expect(all.body.data).toHaveLength(total);
    await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    const page = await instance.call("GET", `/v1/webhooks/endpoints?limit=1&offset=${total + 1}`);
    expect(page.body.total_count).toBe(total + 2);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.data[0].url).toBe(`https://hooks.example.com/endpoint-${n}`);
    const defaults = await instance.call("GET", "/v1/webhooks/endpoints");
    expect(defaults.body.data.length).toBe(Math.min(10, total + 2));
  });

  it("updates url, filter, enabled flag and description", async () => {
    const created = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    instance.clock.advance(1_000);
    const target = url();
    const updated = await instance.call("PATCH", `/v1/webhooks/endpoints/${created.body.id}`, {
      body: { url: target, event_types: ["session.created"], enabled: false, description: "x" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      url: target,
      event_types: ["session.created"],
      enabled: false,
      description: "x",
      created_at: created.body.created_at,
      updated_at: created.body.created_at + 1_000,
    });
    expect(updated.body.secret).toBeUndefined();
    const partial = await instance.call("PATCH", `/v1/webhooks/endpoints/${created.body.id}`, {
      body: { enabled: true },
    });
    expect(partial.body).toMatchObject({
      url: target,
      enabled: true,
      event_types: ["session.created"],
    });
  });

  it("rotates the secret, answering the new one", async () => {
    const created = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    const rotated = await instance.call(
      "POST",
      `/v1/webhooks/endpoints/${created.body.id}/rotate_secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.id).toBe(created.body.id);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const given = await instance.call(
      "POST",
      `/v1/webhooks/endpoints/${created.body.id}/rotate_secret`,
      { body: { secret: SECRET } },
    );
    expect(given.body.secret).toBe(SECRET);
    const bad = await instance.call(
      "POST",
      `/v1/webhooks/endpoints/${created.body.id}/rotate_secret`,
      { body: { secret: "whsec_c2hvcnQ=" } },
    );
    expectError(bad, 422, "form_param_format_invalid", "secret");
    expect(JSON.stringify(bad.body)).not.toContain("c2hvcnQ");
  });

  it("deletes an endpoint", async () => {
    const created = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    const deleted = await instance.call("DELETE", `/v1/webhooks/endpoints/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      object: "webhook_endpoint",
      id: created.body.id,
      deleted: true,
    });
    expectMatchesSpec(bapi, "DeletedObject", deleted.body);
    const again = await instance.call("DELETE", `/v1/webhooks/endpoints/${created.body.id}`);
    expectError(again, 404, "resource_not_found", "endpoint_id");
    const fetched = await instance.call("GET", `/v1/webhooks/endpoints/${created.body.id}`);
    expectError(fetched, 404, "resource_not_found", "endpoint_id");
  });

  it("rejects bad input with Clerk's form errors", async () => {
    for (const bad of ["not a url", "ftp://example.com/x", "https://user:pw@example.com/x"]) {
      const answer = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: bad } });
      expectError(answer, 422, "form_param_format_invalid", "url");
    }
    expectError(
      await instance.call("POST", "/v1/webhooks/endpoints", { body: {} }),
      422,
      "form_param_missing",
      "url",
    );
    expectError(
      await instance.call("POST", "/v1/webhooks/endpoints", {
        body: { url: url(), event_types: ["user created"] },
      }),
      422,
      "form_param_format_invalid",
      "event_types",
    );
    expectError(
      await instance.call("POST", "/v1/webhooks/endpoints", {
        body: { url: url(), secret: "not-a-secret" },
      }),
      422,
      "form_param_format_invalid",
      "secret",
    );
    expectError(
      await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url(), colour: 1 } }),
      422,
      "form_param_unknown",
      "colour",
    );
    expectError(
      await instance.call("GET", "/v1/webhooks/endpoints?limit=501"),
      422,
      "form_param_format_invalid",
      "limit",
    );
  });

  it("refuses a second endpoint with the same URL", async () => {
    const target = url();
    await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: target } });
    const twice = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: target } });
    expectError(twice, 422, "form_identifier_exists", "url");
    const other = await instance.call("POST", "/v1/webhooks/endpoints", { body: { url: url() } });
    const moved = await instance.call("PATCH", `/v1/webhooks/endpoints/${other.body.id}`, {
      body: { url: target },
    });
    expectError(moved, 422, "form_identifier_exists", "url");
  });

  it("answers 404 for unknown ids", async () => {
    for (const [method, path] of [
      ["GET", "/v1/webhooks/endpoints/whe_missing"],
      ["PATCH", "/v1/webhooks/endpoints/whe_missing"],
      ["POST", "/v1/webhooks/endpoints/whe_missing/rotate_secret"],
      ["POST", "/v1/webhooks/endpoints/whe_missing/replay"],
    ] as const) {
      const answer = await instance.call(method, path, method === "GET" ? {} : { body: {} });
      expectError(answer, 404, "resource_not_found", "endpoint_id");
    }
  });

  it("requires the secret key on every route", async () => {
    for (const [method, path] of [
      ["POST", "/v1/webhooks/endpoints"],
      ["GET", "/v1/webhooks/endpoints"],
      ["GET", "/v1/webhooks/endpoints/whe_x"],
      ["PATCH", "/v1/webhooks/endpoints/whe_x"],
      ["DELETE", "/v1/webhooks/endpoints/whe_x"],
      ["POST", "/v1/webhooks/endpoints/whe_x/rotate_secret"],
      ["POST", "/v1/webhooks/endpoints/whe_x/replay"],
      ["GET", "/v1/webhooks/deliveries"],
      ["GET", "/v1/webhooks/deliveries/whd_x"],
      ["POST", "/v1/webhooks/deliveries/whd_x/replay"],
    ] as const) {
      for (const secretKey of [null, "sk_test_wrong"]) {
        const body = method === "GET" ? undefined : { url: url() };
        const answer = await instance.call(method, path, { secretKey, body });
        expect(answer.status, `${method} ${path}`).toBe(401);
        // No key at all, or "sk_test_wrong", too short to be shaped like a secret key.
        expect(answer.body.errors[0].code).toBe(
          secretKey === null ? "authentication_invalid" : "clerk_key_invalid",
        );
      }
    }
    const listed = await instance.call("GET", "/v1/webhooks/endpoints?limit=500");
    expect(
      listed.body.data.some(
        (e: { url: string }) => e.url === `https://hooks.example.com/endpoint-${n}`,
      ),
    ).toBe(false);
  });
});
