import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

async function newUser(emails: string[] = []): Promise<string> {
  const answer = await instance.call("POST", "/v1/users", { body: { email_address: emails } });
  expect(answer.status).toBe(200);
  return answer.body.id;
}

const add = (body: Record<string, unknown>) =>
  instance.call("POST", "/v1/email_addresses", { body });
const userOf = async (id: string) => (await instance.call("GET", `/v1/users/${id}`)).body;

describe("/v1/email_addresses", () => {
  it("creates an address (unverified by default), primary when it is the first", async () => {
    const userId = await newUser();
    const created = await add({ user_id: userId, email_address: "first@example.com" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: "email_address",
      email_address: "first@example.com",
      verification: null,
      reserved: false,
      linked_to: [],
    });
    expectMatchesSpec(bapi, "EmailAddress", created.body);
    expect((await userOf(userId)).primary_email_address_id).toBe(created.body.id);
    const second = await add({
      user_id: userId,
      email_address: "second@example.com",
      verified: true,
    });
    expect(second.body.verification).toMatchObject({ status: "verified", strategy: "admin" });
    expectMatchesSpec(bapi, "EmailAddress", second.body);
    expect((await userOf(userId)).primary_email_address_id).toBe(created.body.id);
    const third = await add({ user_id: userId, email_address: "third@example.com", primary: true });
    expect((await userOf(userId)).primary_email_address_id).toBe(third.body.id);
    expect((await instance.call("GET", `/v1/email_addresses/${second.body.id}`)).body).toEqual(
      second.body,
    );
  });

  it("updates verified and primary", async () => {
    const userId = await newUser(["keep@example.com"]);
    const created = await add({ user_id: userId, email_address: "patch@example.com" });
    const verified = await instance.call("PATCH", `/v1/email_addresses/${created.body.id}`, {
      body: { verified: true, primary: true },
    });
    expect(verified.body.verification.status).toBe("verified");
    expect((await userOf(userId)).primary_email_address_id).toBe(created.body.id);
    const unverified = await instance.call("PATCH", `/v1/email_addresses/${created.body.id}`, {
      body: { verified: false },
    });
    expect(unverified.body.verification).toBeNull();
  });

  it("deletes a non-primary address, refuses a primary one while others exist, then allows it", async () => {
    const userId = await newUser(["primary@example.com"]);
    const primaryId = (await userOf(userId)).primary_email_address_id;
    const other = await add({
      user_id: userId,
      email_address: "other@example.com",
      verified: true,
    });
    const refused = await instance.call("DELETE", `/v1/email_addresses/${primaryId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].code).toBe("primary_identification_deletion_forbidden");
    expect((await userOf(userId)).email_addresses).toHaveLength(2);
    const deleted = await instance.call("DELETE", `/v1/email_addresses/${other.body.id}`);
    expect(deleted.body).toEqual({ object: "email_address", id: other.body.id, deleted: true });
    const last = await instance.call("DELETE", `/v1/email_addresses/${primaryId}`);
    expect(last.status).toBe(200);
    const user = await userOf(userId);
    expect([user.primary_email_address_id, user.email_addresses]).toEqual([null, []]);
  });

  it("answers 404, 422 and form_identifier_exists on bad input", async () => {
    const userId = await newUser(["taken@example.com"]);
    for (const [method, path] of [
      ["GET", "/v1/email_addresses/idn_missing"],
      ["PATCH", "/v1/email_addresses/idn_missing"],
      ["DELETE", "/v1/email_addresses/idn_missing"],
    ] as const) {
      const answer = await instance.call(method, path, method === "PATCH" ? { body: {} } : {});
      expect([answer.status, answer.body.errors[0].code]).toEqual([404, "resource_not_found"]);
    }
    const unknownUser = await add({ user_id: "user_missing", email_address: "x@example.com" });
    expect([unknownUser.status, unknownUser.body.errors[0].code]).toEqual([
      404,
      "resource_not_found",
    ]);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ email_address: "x@example.com" }, "form_param_missing", "user_id"],
      [{ user_id: userId }, "form_param_missing", "email_address"],
      [{ user_id: userId, email_address: "nope" }, "form_param_format_invalid", "email_address"],
      [
        { user_id: userId, email_address: "TAKEN@example.com" },
        "form_identifier_exists",
        "email_address",
      ],
      [
        { user_id: userId, email_address: "y@example.com", extra: 1 },
        "form_param_unknown",
        "extra",
      ],
    ];
    for (const [body, code, param] of cases) {
      const answer = await add(body);
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
    expect((await userOf(userId)).email_addresses).toHaveLength(1);
  });

  it("requires the secret key", async () => {
    const answer = await instance.call("GET", "/v1/email_addresses/idn_any", { secretKey: null });
    expect([answer.status, answer.body.errors[0].code]).toEqual([401, "authentication_invalid"]);
  });
});
