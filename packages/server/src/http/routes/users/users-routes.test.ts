import { beforeEach, describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

async function createUser(body: Record<string, unknown>) {
  const answer = await instance.call("POST", "/v1/users", { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

function expectError(
  answer: {
    status: number;
    body: { errors: Array<{ code: string; meta: { param_name?: string } }> };
  },
  status: number,
  code: string,
  paramName?: string,
) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.errors[0]?.code).toBe(code);
  if (paramName !== undefined) expect(answer.body.errors[0]?.meta.param_name).toBe(paramName);
}

describe("POST /v1/users", () => {
  it("creates a user with verified identifications and answers the spec's User", async () => {
    const user = await createUser({
      email_address: ["ada@example.com", "ada2@example.com"],
      email_address_identification_status: ["verified", "reserved"],
      phone_number: ["+15555550100"],
      username: "ada_l",
      first_name: "Ada",
      last_name: "Lovelace",
      external_id: "ext-ada",
      password: "correct horse battery staple",
      public_metadata: { role: "admin" },
      private_metadata: { tier: 2 },
      created_at: "2020-01-02T03:04:05.000Z",
    });
    expect(user).toMatchObject({
      object: "user",
      username: "ada_l",
      first_name: "Ada",
      external_id: "ext-ada",
      password_enabled: true,
      totp_enabled: false,
      two_factor_enabled: false,
      has_image: false,
      banned: false,
      locked: false,
      public_metadata: { role: "admin" },
      private_metadata: { tier: 2 },
      web3_wallets: [],
      external_accounts: [],
      saml_accounts: [],
      passkeys: [],
      created_at: Date.parse("2020-01-02T03:04:05.000Z"),
    });
    expect(user.id).toMatch(/^user_/);
    expect(user.primary_email_address_id).toBe(user.email_addresses[0].id);
    expect(user.primary_phone_number_id).toBe(user.phone_numbers[0].id);
    expect(user.email_addresses[0]).toMatchObject({
      object: "email_address",
      email_address: "ada@example.com",
      verification: { object: "verification_admin", status: "verified", strategy: "admin" },
      linked_to: [],
    });
    expect(user.email_addresses[1]).toMatchObject({ reserved: true, verification: null });
    expect(user.image_url).toBe(`${instance.baseUrl}/v1/images/default`);
    expect(JSON.stringify(user)).not.toMatch(/argon2|correct horse/);
  });

  it("answers a User that matches the spec's User schema", async () => {
    const user = await createUser({
      email_address: ["shape@example.com"],
      phone_number: ["+15555550123"],
      totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DP",
    });
    expectMatchesSpec(bapi, "User", user);
    expect(user.totp_enabled).toBe(true);
  });

  it("imports password digests and rejects unknown hashers and malformed digests", async () => {
    const digest = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    const user = await createUser({ password_digest: digest, password_hasher: "sha256" });
    expect(user.password_enabled).toBe(true);
    expectError(
      await instance.call("POST", "/v1/users", {
        body: { password_digest: digest, password_hasher: "rot13" },
      }),
      422,
      "form_param_value_invalid",
      "password_hasher",
    );
    const malformed = await instance.call("POST", "/v1/users", {
      body: { password_digest: "$2a$10$short", password_hasher: "bcrypt" },
    });
    expectError(malformed, 422, "form_password_digest_invalid", "password_digest");
    expect(JSON.stringify(malformed.body)).not.toContain("$2a$10$short");
    expectError(
      await instance.call("POST", "/v1/users", { body: { password_digest: digest } }),
      422,
      "form_param_missing",
      "password_hasher",
    );
  });

  it("applies the password policy unless skip_password_checks", async () => {
    const cases: Array<[string, string]> = [
      ["Zq8#kLm", "form_password_length_too_short"],
      ["x".repeat(73), "form_password_length_too_long"],
      ["é".repeat(40), "form_password_size_in_bytes_exceeded"],
      ["password123", "form_password_pwned"],
    ];
    for (const [password, code] of cases) {
      const answer = await instance.call("POST", "/v1/users", { body: { password } });
      expectError(answer, 422, code, "password");
      expect(JSON.stringify(answer.body)).not.toContain(password);
    }
    const skipped = await createUser({ password: "password123", skip_password_checks: true });
    expect(skipped.password_enabled).toBe(true);
  });

  it("answers form errors with meta.param_name for bad bodies", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ email_address: ["not-an-email"] }, "form_param_format_invalid", "email_address"],
      [{ phone_number: ["555-0100"] }, "form_param_format_invalid", "phone_number"],
      [{ username: "ab" }, "form_username_invalid_length", "username"],
      [{ username: "no spaces!" }, "form_username_invalid_character", "username"],
      [{ first_name: 42 }, "form_param_format_invalid", "first_name"],
      [{ nickname: "x" }, "form_param_unknown", "nickname"],
      [{ created_at: "yesterday" }, "form_param_format_invalid", "created_at"],
      [{ totp_secret: "short" }, "form_param_format_invalid", "totp_secret"],
      [{ web3_wallet: ["0x123"] }, "form_param_value_invalid", "web3_wallet"],
      [
        {
          email_address: ["a@example.com"],
          email_address_identification_status: ["verified", "reserved"],
        },
        "form_param_value_invalid",
        "email_address_identification_status",
      ],
    ];
    for (const [body, code, param] of cases) {
      expectError(await instance.call("POST", "/v1/users", { body }), 422, code, param);
    }
  });

  it("rejects duplicates with form_identifier_exists and creates nothing", async () => {
    await createUser({
      email_address: ["dup@example.com"],
      username: "dupuser",
      external_id: "dup",
    });
    const before = (await instance.call("GET", "/v1/users/count")).body.total_count;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email_address: ["DUP@example.com"] }, "email_address"],
      [{ username: "DupUser" }, "username"],
      [{ external_id: "dup" }, "external_id"],
    ];
    for (const [body, param] of cases) {
      expectError(
        await instance.call("POST", "/v1/users", { body }),
        422,
        "form_identifier_exists",
        param,
      );
    }
    expect((await instance.call("GET", "/v1/users/count")).body.total_count).toBe(before);
  });

  it("requires the secret key and changes nothing without it", async () => {
    const before = (await instance.call("GET", "/v1/users/count")).body.total_count;
    const body = { email_address: ["nokey@example.com"] };
    const missing = await instance.call("POST", "/v1/users", { body, secretKey: null });
    expectError(missing, 401, "authentication_invalid");
    const wrong = await instance.call("POST", "/v1/users", {
      body,
      secretKey: `${TEST_SECRET_KEY}x`,
    });
    expectError(wrong, 401, "authentication_invalid");
    expect(typeof wrong.body.clerk_trace_id).toBe("string");
    expect((await instance.call("GET", "/v1/users/count")).body.total_count).toBe(before);
    expect((await instance.call("GET", "/v1/users?email_address=nokey@example.com")).body).toEqual(
      [],
    );
  });
});

describe("GET, PATCH and DELETE /v1/users/{user_id}", () => {
  it("answers 404 resource_not_found for unknown users on every user route", async () => {
    const routes: Array<[string, string, unknown?]> = [
      ["GET", "/v1/users/user_missing"],
      ["PATCH", "/v1/users/user_missing", { first_name: "x" }],
      ["DELETE", "/v1/users/user_missing"],
      ["POST", "/v1/users/user_missing/ban"],
      ["POST", "/v1/users/user_missing/unban"],
      ["POST", "/v1/users/user_missing/lock"],
      ["POST", "/v1/users/user_missing/unlock"],
      ["PATCH", "/v1/users/user_missing/metadata", { public_metadata: {} }],
      ["PUT", "/v1/users/user_missing/metadata", { public_metadata: {} }],
      ["DELETE", "/v1/users/user_missing/profile_image"],
      ["POST", "/v1/users/user_missing/verify_password", { password: "whatever-it-is" }],
      ["POST", "/v1/users/user_missing/verify_totp", { code: "123456" }],
      ["POST", "/v1/users/user_missing/remove_password"],
      ["DELETE", "/v1/users/user_missing/totp"],
      ["DELETE", "/v1/users/user_missing/mfa"],
      ["GET", "/v1/users/user_missing/oauth_access_tokens/oauth_google"],
    ];
    for (const [method, path, body] of routes) {
      const answer = await instance.call(method, path, body === undefined ? {} : { body });
      expectError(answer, 404, "resource_not_found");
    }
  });

  it('updates profile fields, clears a username with "" and refuses metadata', async () => {
    const user = await createUser({ username: "grace_h", first_name: "Grace" });
    instance.clock.advance(1000);
    const patched = await instance.call("PATCH", `/v1/users/${user.id}`, {
      body: { first_name: "Grace B.", last_name: "Hopper", username: "", locale: "en-US" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      first_name: "Grace B.",
      last_name: "Hopper",
      username: null,
      locale: "en-US",
      updated_at: user.updated_at + 1000,
    });
    expectError(
      await instance.call("PATCH", `/v1/users/${user.id}`, { body: { public_metadata: { a: 1 } } }),
      422,
      "form_param_unknown",
      "public_metadata",
    );
    expect((await instance.call("GET", `/v1/users/${user.id}`)).body).toEqual(patched.body);
  });

  it("sets primary identifications only to verified ones of the same user", async () => {
    const user = await createUser({ email_address: ["p1@example.com"] });
    const other = await createUser({ email_address: ["other@example.com"] });
    const unverified = await instance.call("POST", "/v1/email_addresses", {
      body: { user_id: user.id, email_address: "p2@example.com" },
    });
    const verified = await instance.call("POST", "/v1/email_addresses", {
      body: { user_id: user.id, email_address: "p3@example.com", verified: true },
    });
    for (const id of [unverified.body.id, other.email_addresses[0].id, "idn_nope"]) {
      expectError(
        await instance.call("PATCH", `/v1/users/${user.id}`, {
          body: { primary_email_address_id: id },
        }),
        422,
        "form_param_value_invalid",
        "primary_email_address_id",
      );
    }
    const switched = await instance.call("PATCH", `/v1/users/${user.id}`, {
      body: { primary_email_address_id: verified.body.id },
    });
    expect(switched.body.primary_email_address_id).toBe(verified.body.id);
  });

  it("changes the password (hashed, policy applied) and sets a TOTP secret", async () => {
    const user = await createUser({});
    expect(user.password_enabled).toBe(false);
    expectError(
      await instance.call("PATCH", `/v1/users/${user.id}`, { body: { password: "qwerty123" } }),
      422,
      "form_password_pwned",
      "password",
    );
    const patched = await instance.call("PATCH", `/v1/users/${user.id}`, {
      body: { password: "a much better passphrase", totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DP" },
    });
    expect(patched.body).toMatchObject({
      password_enabled: true,
      totp_enabled: true,
      two_factor_enabled: true,
      password_last_updated_at: instance.clock.now(),
      mfa_enabled_at: instance.clock.now(),
    });
    const verified = await instance.call("POST", `/v1/users/${user.id}/verify_password`, {
      body: { password: "a much better passphrase" },
    });
    expect(verified.body).toEqual({ verified: true });
  });

  it("deletes a user and answers the deleted object", async () => {
    const user = await createUser({ email_address: ["bye@example.com"] });
    const answer = await instance.call("DELETE", `/v1/users/${user.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ object: "user", id: user.id, deleted: true });
    expectMatchesSpec(bapi, "DeletedObject", answer.body);
    expectError(await instance.call("GET", `/v1/users/${user.id}`), 404, "resource_not_found");
    expectError(await instance.call("DELETE", `/v1/users/${user.id}`), 404, "resource_not_found");
  });
});

describe("ban, lock and metadata", () => {
  it("bans and unbans, one by one and in bulk", async () => {
    const a = await createUser({});
    const b = await createUser({});
    expect((await instance.call("POST", `/v1/users/${a.id}/ban`)).body.banned).toBe(true);
    expect((await instance.call("POST", `/v1/users/${a.id}/unban`)).body.banned).toBe(false);
    const bulk = await instance.call("POST", "/v1/users/ban", {
      body: { user_ids: [a.id, b.id, "user_missing"] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.map((u: { id: string; banned: boolean }) => [u.id, u.banned])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);
    expect(
      (await instance.call("GET", `/v1/users/count?banned=true&user_id=${a.id}&user_id=${b.id}`))
        .body.total_count,
    ).toBe(2);
    const unbanned = await instance.call("POST", "/v1/users/unban", { body: { user_ids: [a.id] } });
    expect(unbanned.body[0].banned).toBe(false);
    expectError(
      await instance.call("POST", "/v1/users/ban", { body: { user_ids: [] } }),
      422,
      "form_param_format_invalid",
      "user_ids",
    );
  });

  it("locks for the instance's lockout duration and unlocks", async () => {
    const user = await createUser({});
    const locked = await instance.call("POST", `/v1/users/${user.id}/lock`);
    expect(locked.body).toMatchObject({
      locked: true,
      lockout_expires_in_seconds: 3600,
      verification_attempts_remaining: 0,
    });
    instance.clock.advance(600_000);
    expect(
      (await instance.call("GET", `/v1/users/${user.id}`)).body.lockout_expires_in_seconds,
    ).toBe(3000);
    const unlocked = await instance.call("POST", `/v1/users/${user.id}/unlock`);
    expect(unlocked.body).toMatchObject({
      locked: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 10,
    });
  });

  it("deep-merges metadata with PATCH (null deletes) and replaces with PUT", async () => {
    const user = await createUser({
      public_metadata: { keep: 1, nested: { a: 1, b: 2 }, drop: true },
      unsafe_metadata: { u: 1 },
    });
    const merged = await instance.call("PATCH", `/v1/users/${user.id}/metadata`, {
      body: {
        public_metadata: { nested: { b: null, c: 3 }, drop: null },
        private_metadata: { p: 1 },
      },
    });
    expect(merged.body.public_metadata).toEqual({ keep: 1, nested: { a: 1, c: 3 } });
    expect(merged.body.private_metadata).toEqual({ p: 1 });
    expect(merged.body.unsafe_metadata).toEqual({ u: 1 });
    const replaced = await instance.call("PUT", `/v1/users/${user.id}/metadata`, {
      body: { public_metadata: { only: true } },
    });
    expect(replaced.body.public_metadata).toEqual({ only: true });
    expect(replaced.body.private_metadata).toEqual({ p: 1 });
    expectError(
      await instance.call("PATCH", `/v1/users/${user.id}/metadata`, {
        body: { public_metadata: "nope" },
      }),
      422,
      "form_param_format_invalid",
      "public_metadata",
    );
  });
});

describe("GET /v1/users and /v1/users/count", () => {
  let ids: string[];
  beforeEach(async () => {
    ids = [];
    for (const [name, email, external] of [
      ["zed", "zed@list.test", "L1"],
      ["amy", "amy@list.test", "L2"],
      ["bob", "bob@other.test", "L3"],
    ] as const) {
      instance.clock.advance(1000);
      const user = await createUser({
        username: `${name}_${ids.length}_${instance.clock.now()}`,
        first_name: name,
        email_address: [`${instance.clock.now()}.${email}`],
        external_id: `${external}-${instance.clock.now()}`,
      });
      ids.push(user.id);
    }
  });

  const listIds = async (query: string) => {
    const answer = await instance.call("GET", `/v1/users?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.map((u: { id: string }) => u.id);
  };
  const only = (query: string) => `user_id=${ids.join("&user_id=")}&${query}`;

  it("answers a bare array, newest first, with limit/offset and +/- order_by", async () => {
    expect(await listIds(only(""))).toEqual([...ids].reverse());
    expect(await listIds(only("limit=1&offset=1"))).toEqual([ids[1]]);
    expect(await listIds(only("order_by=%2Bcreated_at"))).toEqual(ids);
    expect(await listIds(only("order_by=created_at"))).toEqual(ids);
    expect(await listIds(only("order_by=-first_name"))).toEqual([ids[0], ids[2], ids[1]]);
    expect(await listIds(only(`starting_after=${ids[2]}&limit=1`))).toEqual([ids[1]]);
  });

  it("answers { data, total_count } with paginated=true, checked against the spec", async () => {
    const answer = await instance.call("GET", `/v1/users?${only("paginated=true&limit=2")}`);
    expect(answer.body.total_count).toBe(3);
    expect(answer.body.data).toHaveLength(2);
    for (const user of answer.body.data) expectMatchesSpec(bapi, "User", user);
  });

  it("filters by every supported parameter", async () => {
    const count = async (query: string) =>
      (await instance.call("GET", `/v1/users/count?${only(query)}`)).body;
    expect(await count("")).toEqual({ object: "total_count", total_count: 3 });
    expectMatchesSpec(bapi, "TotalCount", await count(""));
    expect((await count("email_address_query=list.test")).total_count).toBe(2);
    // "bob@" as a query: a random user id can hold "bob" (ILIKE), never "@".
    expect((await count("query=bob%40")).total_count).toBe(1);
    expect((await count("name_query=AMY")).total_count).toBe(1);
    expect((await count(`user_id=-${ids[0]}`)).total_count).toBe(2);
    expect((await count("banned=true")).total_count).toBe(0);
    expect((await count("web3_wallet=0xabc")).total_count).toBe(0);
    expect((await count("organization_id=org_none")).total_count).toBe(0);
    expect((await count("organization_id=-org_none")).total_count).toBe(3);
    expect((await count(`created_at_after=${instance.clock.now() - 1500}`)).total_count).toBe(2);
    expect((await count(`created_at_before=${instance.clock.now()}`)).total_count).toBe(2);
    const user = (await instance.call("GET", `/v1/users/${ids[1]}`)).body;
    const email = user.email_addresses[0].email_address;
    expect(await listIds(`email_address=${encodeURIComponent(email.toUpperCase())}`)).toEqual([
      ids[1],
    ]);
    expect(await listIds(`username=${user.username}`)).toEqual([ids[1]]);
    expect(await listIds(`external_id=${user.external_id}`)).toEqual([ids[1]]);
  });

  it("rejects bad paging and ordering with 422", async () => {
    const cases: Array<[string, string, string]> = [
      ["limit=0", "form_param_format_invalid", "limit"],
      ["limit=501", "form_param_format_invalid", "limit"],
      ["offset=-1", "form_param_format_invalid", "offset"],
      ["order_by=-password", "form_param_value_invalid", "order_by"],
      [`starting_after=${ids[0]}&order_by=username`, "form_param_value_invalid", "starting_after"],
      [`starting_after=${ids[0]}&offset=2`, "form_param_value_invalid", "offset"],
    ];
    for (const [query, code, param] of cases) {
      expectError(await instance.call("GET", `/v1/users?${query}`), 422, code, param);
    }
    const max = await instance.call("GET", "/v1/users?limit=500");
    expect(max.status).toBe(200);
  });
});

describe("GET /v1/users/{user_id}/oauth_access_tokens/{provider}", () => {
  it("is an empty list while there are no external accounts", async () => {
    const user = await createUser({});
    const path = `/v1/users/${user.id}/oauth_access_tokens/oauth_google`;
    expect((await instance.call("GET", path)).body).toEqual([]);
    expect((await instance.call("GET", `${path}?paginated=true`)).body).toEqual({
      data: [],
      total_count: 0,
    });
  });
});
