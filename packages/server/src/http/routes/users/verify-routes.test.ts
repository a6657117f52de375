import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../../../test/test-instance.js";
import { encodeBase32 } from "../../../mfa/base32.js";
import { totpCode } from "../../../mfa/totp-code.js";

const instance = useTestInstance();
const PASSWORD = "staple battery horse correct";

async function createUser(body: Record<string, unknown>): Promise<string> {
  const answer = await instance.call("POST", "/v1/users", { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.id;
}

describe("POST /v1/users/{user_id}/verify_password", () => {
  it("answers { verified: true } for the right password and form_password_incorrect otherwise", async () => {
    const id = await createUser({ password: PASSWORD });
    const right = await instance.call("POST", `/v1/users/${id}/verify_password`, {
      body: { password: PASSWORD },
    });
    expect([right.status, right.body]).toEqual([200, { verified: true }]);
    const wrong = await instance.call("POST", `/v1/users/${id}/verify_password`, {
      body: { password: `${PASSWORD}!` },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({
      code: "form_password_incorrect",
      meta: { param_name: "password" },
    });
    expect(JSON.stringify(wrong.body)).not.toContain(PASSWORD);
  });

  it("answers password_not_set (400) for a user without a password", async () => {
    const id = await createUser({});
    const answer = await instance.call("POST", `/v1/users/${id}/verify_password`, {
      body: { password: PASSWORD },
    });
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, "password_not_set"]);
  });

  it("requires the password parameter", async () => {
    const id = await createUser({ password: PASSWORD });
    const answer = await instance.call("POST", `/v1/users/${id}/verify_password`, { body: {} });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "password" },
    });
  });

  it("rehashes an imported bcrypt digest to argon2id after a correct check only", async () => {
    const digest = bcrypt.hashSync(PASSWORD, 4);
    const id = await createUser({ password_digest: digest, password_hasher: "bcrypt" });
    await instance.call("POST", `/v1/users/${id}/verify_password`, { body: { password: "nope" } });
    expect(await instance.store.getPasswordCredential(id)).toEqual({ digest, hasher: "bcrypt" });
    const ok = await instance.call("POST", `/v1/users/${id}/verify_password`, {
      body: { password: PASSWORD },
    });
    expect(ok.body).toEqual({ verified: true });
    const upgraded = await instance.store.getPasswordCredential(id);
    expect(upgraded?.hasher).toBe("argon2id");
    expect(upgraded?.digest).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const again = await instance.call("POST", `/v1/users/${id}/verify_password`, {
      body: { password: PASSWORD },
    });
    expect(again.body).toEqual({ verified: true });
    expect(await instance.store.getPasswordCredential(id)).toEqual(upgraded);
  });
});

describe("POST /v1/users/{user_id}/verify_totp", () => {
  const seed = new TextEncoder().encode("latchkey-totp-seed!!");
  const secret = encodeBase32(seed);

  it("accepts the current code and answers code_type totp", async () => {
    const id = await createUser({ totp_secret: secret });
    const code = totpCode(seed, instance.clock.now());
    const answer = await instance.call("POST", `/v1/users/${id}/verify_totp`, { body: { code } });
    expect([answer.status, answer.body]).toEqual([200, { verified: true, code_type: "totp" }]);
  });

  it("rejects a wrong or stale code with form_code_incorrect", async () => {
    const id = await createUser({ totp_secret: secret });
    const stale = totpCode(seed, instance.clock.now() - 120_000);
    const answer = await instance.call("POST", `/v1/users/${id}/verify_totp`, {
      body: { code: stale },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].code).toBe("form_code_incorrect");
    expect(JSON.stringify(answer.body)).not.toContain(secret);
  });

  it("answers totp_not_enabled (400) without a secret, also after DELETE …/totp", async () => {
    const id = await createUser({ totp_secret: secret });
    const removed = await instance.call("DELETE", `/v1/users/${id}/totp`);
    expect(removed.body).toEqual({ user_id: id });
    const user = (await instance.call("GET", `/v1/users/${id}`)).body;
    expect(user).toMatchObject({ totp_enabled: false, two_factor_enabled: false });
    expect(user.mfa_disabled_at).toBe(instance.clock.now());
    const answer = await instance.call("POST", `/v1/users/${id}/verify_totp`, {
      body: { code: "123456" },
    });
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, "totp_not_enabled"]);
  });
});

describe("POST /v1/users/{user_id}/remove_password", () => {
  it("removes the password, and answers a user without one unchanged", async () => {
    const id = await createUser({ password: PASSWORD });
    const removed = await instance.call("POST", `/v1/users/${id}/remove_password`);
    expect(removed.body.password_enabled).toBe(false);
    instance.clock.advance(1000);
    const again = await instance.call("POST", `/v1/users/${id}/remove_password`);
    expect(again.body.updated_at).toBe(removed.body.updated_at);
    expect(await instance.store.getPasswordCredential(id)).toBeNull();
  });
});
