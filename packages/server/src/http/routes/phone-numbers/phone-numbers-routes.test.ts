import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

async function newUser(): Promise<string> {
  return (await instance.call("POST", "/v1/users", { body: {} })).body.id;
}

const add = (body: Record<string, unknown>) => instance.call("POST", "/v1/phone_numbers", { body });
const userOf = async (id: string) => (await instance.call("GET", `/v1/users/${id}`)).body;

describe("/v1/phone_numbers", () => {
  it("creates numbers, the first primary, and reserves verified ones for second factor", async () => {
    const userId = await newUser();
    const first = await add({ user_id: userId, phone_number: "+15555550100" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      object: "phone_number",
      phone_number: "+15555550100",
      verification: null,
      reserved_for_second_factor: false,
      default_second_factor: false,
    });
    expectMatchesSpec(bapi, "PhoneNumber", first.body);
    expect((await userOf(userId)).primary_phone_number_id).toBe(first.body.id);
    const mfa = await add({
      user_id: userId,
      phone_number: "+15555550101",
      verified: true,
      reserved_for_second_factor: true,
    });
    expect(mfa.body).toMatchObject({
      reserved_for_second_factor: true,
      default_second_factor: true,
    });
    expectMatchesSpec(bapi, "PhoneNumber", mfa.body);
    expect((await userOf(userId)).two_factor_enabled).toBe(true);
    const refused = await add({
      user_id: userId,
      phone_number: "+15555550102",
      reserved_for_second_factor: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].meta.param_name).toBe("reserved_for_second_factor");
  });

  it("updates, and deletes a primary number only when it is the last", async () => {
    const userId = await newUser();
    const a = await add({ user_id: userId, phone_number: "+15555550200", verified: true });
    const b = await add({ user_id: userId, phone_number: "+15555550201" });
    const patched = await instance.call("PATCH", `/v1/phone_numbers/${b.body.id}`, {
      body: { verified: true, reserved_for_second_factor: true, primary: true },
    });
    expect(patched.body).toMatchObject({
      verification: { status: "verified" },
      reserved_for_second_factor: true,
    });
    expect((await userOf(userId)).primary_phone_number_id).toBe(b.body.id);
    const refused = await instance.call("DELETE", `/v1/phone_numbers/${b.body.id}`);
    expect([refused.status, refused.body.errors[0].code]).toEqual([
      409,
      "primary_identification_deletion_forbidden",
    ]);
    const deleted = await instance.call("DELETE", `/v1/phone_numbers/${a.body.id}`);
    expect(deleted.body).toEqual({ object: "phone_number", id: a.body.id, deleted: true });
    expect((await instance.call("DELETE", `/v1/phone_numbers/${b.body.id}`)).status).toBe(200);
    expect((await userOf(userId)).primary_phone_number_id).toBeNull();
  });

  it("answers 404, 422 and form_identifier_exists on bad input", async () => {
    const userId = await newUser();
    await add({ user_id: userId, phone_number: "+15555550300" });
    for (const [method, path] of [
      ["GET", "/v1/phone_numbers/idn_missing"],
      ["PATCH", "/v1/phone_numbers/idn_missing"],
      ["DELETE", "/v1/phone_numbers/idn_missing"],
    ] as const) {
      const answer = await instance.call(method, path, method === "PATCH" ? { body: {} } : {});
      expect([answer.status, answer.body.errors[0].code]).toEqual([404, "resource_not_found"]);
    }
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ phone_number: "+15555550301" }, "form_param_missing", "user_id"],
      [{ user_id: userId, phone_number: "5550100" }, "form_param_format_invalid", "phone_number"],
      [{ user_id: userId, phone_number: "+15555550300" }, "form_identifier_exists", "phone_number"],
      [
        { user_id: userId, phone_number: "+15555550302", verified: "yes" },
        "form_param_format_invalid",
        "verified",
      ],
    ];
    for (const [body, code, param] of cases) {
      const answer = await add(body);
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
    const noKey = await instance.call("POST", "/v1/phone_numbers", {
      body: { user_id: userId, phone_number: "+15555550303" },
      secretKey: null,
    });
    expect(noKey.status).toBe(401);
    expect((await userOf(userId)).phone_numbers).toHaveLength(1);
  });
});
