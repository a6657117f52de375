import { describe, expect, it } from "vitest";
import { expectResponseMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

describe("application invitations", () => {
  it("creates an invitation that matches the spec", async () => {
    const answer = await instance.call("POST", "/v1/invitations", {
      body: {
        email_address: "newcomer@example.com",
        public_metadata: { plan: "beta" },
        redirect_url: "https://app.example.com/accept",
        notify: false,
        expires_in_days: 7,
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      object: "invitation",
      email_address: "newcomer@example.com",
      public_metadata: { plan: "beta" },
      status: "pending",
      revoked: false,
    });
    expect(answer.body.id).toMatch(/^inv_/);
    expect(answer.body.expires_at - answer.body.created_at).toBe(7 * 86_400_000);
    expectResponseMatchesSpec(bapi, "post", "/invitations", 200, answer.body);
  });

  it("refuses a user's address and a duplicate, unless ignore_existing", async () => {
    await instance.store.createUser({
      emailAddresses: [{ emailAddress: "member@example.com", status: "verified" }],
    });
    const taken = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "member@example.com" },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "email_address" },
    });
    const forced = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "member@example.com", ignore_existing: true },
    });
    expect(forced.status).toBe(200);

    await instance.call("POST", "/v1/invitations", {
      body: { email_address: "twice@example.com" },
    });
    const dup = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "twice@example.com" },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({
      code: "duplicate_record",
      meta: { email_addresses: ["twice@example.com"] },
    });
  });

  it("refuses bad bodies with 422 and the parameter's name", async () => {
    for (const [body, code, param] of [
      [{}, "form_param_missing", "email_address"],
      [{ email_address: "nope" }, "form_param_format_invalid", "email_address"],
      [
        { email_address: "a@example.com", expires_in_days: 400 },
        "form_param_format_invalid",
        "expires_in_days",
      ],
      [{ email_address: "a@example.com", role: "x" }, "form_param_unknown", "role"],
    ] as const) {
      const answer = await instance.call("POST", "/v1/invitations", { body });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
  });

  it("lists as a bare array, or paginated, and filters", async () => {
    const created = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "listed@example.com" },
    });
    const list = await instance.call("GET", "/v1/invitations?query=listed");
    expect(list.status).toBe(200);
    expect(list.body.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expectResponseMatchesSpec(bapi, "get", "/invitations", 200, list.body);
    const paginated = await instance.call("GET", "/v1/invitations?paginated=true&limit=1");
    expect(paginated.body.data).toHaveLength(1);
    expect(paginated.body.total_count).toBeGreaterThanOrEqual(1);
    const accepted = await instance.call("GET", "/v1/invitations?status=accepted");
    expect(accepted.body).toEqual([]);
    const bad = await instance.call("GET", "/v1/invitations?status=lost");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].meta.param_name).toBe("status");
  });

  it("revokes once; revoked invitations leave the default list", async () => {
    const created = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "revokee@example.com" },
    });
    const revoked = await instance.call("POST", `/v1/invitations/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, status: "revoked", revoked: true });
    expectResponseMatchesSpec(
      bapi,
      "post",
      "/invitations/{invitation_id}/revoke",
      200,
      revoked.body,
    );
    const again = await instance.call("POST", `/v1/invitations/${created.body.id}/revoke`);
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe("invitation_already_revoked");
    const missing = await instance.call("POST", "/v1/invitations/inv_missing/revoke");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("resource_not_found");
    const list = await instance.call("GET", "/v1/invitations?query=revokee");
    expect(list.body).toEqual([]);
    const revokedList = await instance.call("GET", "/v1/invitations?query=revokee&status=revoked");
    expect(revokedList.body).toHaveLength(1);
  });

  it("answers 401 to a wrong secret key and creates nothing", async () => {
    const answer = await instance.call("POST", "/v1/invitations", {
      body: { email_address: "sneaky@example.com" },
      secretKey: "sk_test_wrongwrongwrongwrong",
    });
    expect(answer.status).toBe(401);
    const list = await instance.call("GET", "/v1/invitations?query=sneaky");
    expect(list.body).toEqual([]);
  });
});
