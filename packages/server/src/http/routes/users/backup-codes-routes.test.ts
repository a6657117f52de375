// Backup codes through the Backend API: given with `POST /v1/users` / `PATCH /v1/users/{id}`,
// consumed by `POST /v1/users/{id}/verify_totp`, and one record with the Frontend API's own codes
// (`backup_code_enabled` in both APIs' user JSON, the `backup_code` second factor of a sign-in).
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../../test/skip-when.js";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { decodeBase32 } from "../../../mfa/base32.js";
import { hashBackupCode } from "../../../mfa/hash-backup-code.js";
import { totpCode } from "../../../mfa/totp-code.js";
import { signOut, TEST_PASSWORD } from "../frontend/frontend-flows.test-helpers.js";
import { MAX_BACKUP_CODES } from "./user-input.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";
const CODES = ["k7mq-2xwp", "r4tz-9vhn", "b3dc-8fgs"];

async function createUser(body: Record<string, unknown>) {
  const answer = await instance.call("POST", "/v1/users", { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

const verifyTotp = (userId: string, code: string) =>
  instance.call("POST", `/v1/users/${userId}/verify_totp`, { body: { code } });

async function storedHashes(userId: string): Promise<string[]> {
  const rows = await instance.db.query<{ code_hash: string }>(
    "SELECT code_hash FROM backup_codes WHERE user_id = $1 AND consumed_at IS NULL ORDER BY code_hash",
    [userId],
  );
  return rows.map((row) => row.code_hash);
}

describe("backup_codes of POST /v1/users and PATCH /v1/users/{user_id}", () => {
  it("stores the codes hashed as the Frontend API's own, and reports backup_code_enabled", async () => {
    const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    expect(user).toMatchObject({
      totp_enabled: true,
      backup_code_enabled: true,
      two_factor_enabled: true,
    });
    expect(JSON.stringify(user)).not.toContain(CODES[0]);
    expect(await storedHashes(user.id)).toEqual(
      CODES.map((code) => hashBackupCode(user.id, code)).sort(),
    );
    expect(await instance.store.countBackupCodes(user.id)).toBe(3);
    expect((await instance.call("GET", `/v1/users/${user.id}`)).body.backup_code_enabled).toBe(
      true,
    );
  });

  it("answers the spec's User with backup codes", skipWhen(bapi.skipReason), async () => {
    const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    expectMatchesSpec(bapi, "User", user);
  });

  it("treats an empty list as no codes, and refuses codes without TOTP", async () => {
    const none = await createUser({ backup_codes: [] });
    expect(none.backup_code_enabled).toBe(false);
    const refused = await instance.call("POST", "/v1/users", {
      body: { email_address: ["no-totp@example.com"], backup_codes: CODES },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "backup_codes" },
    });
    // Nothing was created.
    const list = await instance.call("GET", "/v1/users?email_address=no-totp@example.com");
    expect(list.body).toEqual([]);
  });

  it("validates the count, length, characters and uniqueness, never echoing a code", async () => {
    const cases: Array<[unknown[], string]> = [
      [
        Array.from({ length: MAX_BACKUP_CODES + 1 }, (_, i) => `code${i}xyz`),
        "form_param_value_invalid",
      ],
      [["abc12"], "form_param_format_invalid"],
      [["a".repeat(65)], "form_param_format_invalid"],
      [["secret!code"], "form_param_format_invalid"],
      [["dupe-code-1", "DUPECODE1"], "form_param_value_invalid"],
      [
        ["$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"],
        "form_param_format_invalid",
      ],
    ];
    for (const [codes, code] of cases) {
      const answer = await instance.call("POST", "/v1/users", {
        body: { totp_secret: TOTP_SECRET, backup_codes: codes },
      });
      expect(answer.status, JSON.stringify(codes)).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: "backup_codes" } });
      for (const given of codes) expect(JSON.stringify(answer.body)).not.toContain(String(given));
    }
    const notStrings = await instance.call("POST", "/v1/users", {
      body: { totp_secret: TOTP_SECRET, backup_codes: "abcdef12" },
    });
    expect(notStrings.status).toBe(422);
    expect(notStrings.body.errors[0].meta.param_name).toBe("backup_codes");
  });

  it("PATCH replaces the set for a user with TOTP (or given TOTP with it)", async () => {
    const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    const patched = await instance.call("PATCH", `/v1/users/${user.id}`, {
      body: { backup_codes: ["n3w-c0de-aa"] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.backup_code_enabled).toBe(true);
    expect(await storedHashes(user.id)).toEqual([hashBackupCode(user.id, "n3w-c0de-aa")]);
    expect((await verifyTotp(user.id, CODES[0] ?? "")).status).toBe(422);

    const plain = await createUser({});
    const refused = await instance.call("PATCH", `/v1/users/${plain.id}`, {
      body: { backup_codes: CODES },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "backup_codes" },
    });
    expect(await storedHashes(plain.id)).toEqual([]);
    const both = await instance.call("PATCH", `/v1/users/${plain.id}`, {
      body: { totp_secret: TOTP_SECRET, backup_codes: CODES },
    });
    expect(both.body).toMatchObject({ totp_enabled: true, backup_code_enabled: true });
    // Clearing TOTP in the same PATCH as new codes is refused, and changes nothing.
    const clash = await instance.call("PATCH", `/v1/users/${plain.id}`, {
      body: { totp_secret: null, backup_codes: ["other-code-1"] },
    });
    expect(clash.status).toBe(422);
    expect((await instance.call("GET", `/v1/users/${plain.id}`)).body).toMatchObject({
      totp_enabled: true,
      backup_code_enabled: true,
    });
  });

  it("removing TOTP (PATCH totp_secret: null, DELETE …/totp, DELETE …/mfa) removes the codes", async () => {
    for (const remove of [
      (id: string) => instance.call("PATCH", `/v1/users/${id}`, { body: { totp_secret: null } }),
      (id: string) => instance.call("DELETE", `/v1/users/${id}/totp`),
      (id: string) => instance.call("DELETE", `/v1/users/${id}/mfa`),
    ]) {
      const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
      expect((await remove(user.id)).status).toBe(200);
      expect(await storedHashes(user.id)).toEqual([]);
      const after = (await instance.call("GET", `/v1/users/${user.id}`)).body;
      expect(after).toMatchObject({ totp_enabled: false, backup_code_enabled: false });
      // Enabling TOTP again does not bring old codes back.
      const again = await instance.call("PATCH", `/v1/users/${user.id}`, {
        body: { totp_secret: TOTP_SECRET },
      });
      expect(again.body.backup_code_enabled).toBe(false);
    }
  });
});

describe("POST /v1/users/{user_id}/verify_totp with backup codes", () => {
  it("accepts a backup code once (code_type backup_code), in any case and with or without dashes", async () => {
    const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    const first = await verifyTotp(user.id, "K7MQ 2XWP");
    expect([first.status, first.body]).toEqual([200, { verified: true, code_type: "backup_code" }]);
    const reused = await verifyTotp(user.id, "k7mq-2xwp");
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0]).toMatchObject({
      code: "form_code_incorrect",
      meta: { param_name: "code" },
    });
    const totp = totpCode(decodeBase32(TOTP_SECRET) ?? new Uint8Array(), instance.clock.now());
    expect((await verifyTotp(user.id, totp)).body).toEqual({ verified: true, code_type: "totp" });

    // The last unused code turns backup_code_enabled off.
    for (const code of CODES.slice(1)) expect((await verifyTotp(user.id, code)).status).toBe(200);
    const spent = (await instance.call("GET", `/v1/users/${user.id}`)).body;
    expect(spent).toMatchObject({ totp_enabled: true, backup_code_enabled: false });
  });

  it("lets exactly one of concurrent requests consume a backup code", async () => {
    const user = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => verifyTotp(user.id, CODES[1] ?? "")),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 422, 422, 422, 422, 422, 422, 422]);
    expect(await instance.store.countBackupCodes(user.id)).toBe(2);
  });

  it("refuses codes of another user, and answers totp_not_enabled without TOTP", async () => {
    const owner = await createUser({ totp_secret: TOTP_SECRET, backup_codes: CODES });
    const other = await createUser({ totp_secret: TOTP_SECRET, backup_codes: ["other-user-1"] });
    expect((await verifyTotp(other.id, CODES[0] ?? "")).status).toBe(422);
    expect(await instance.store.countBackupCodes(owner.id)).toBe(3);
    const plain = await createUser({});
    const answer = await verifyTotp(plain.id, CODES[0] ?? "");
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, "totp_not_enabled"]);
  });
});

describe("backup codes given through the Backend API, seen by the Frontend API", () => {
  it("show as backup_code_enabled and sign in as the backup_code second factor, once", async () => {
    const email = "bapi-codes@example.com";
    const user = await createUser({
      email_address: [email],
      password: TEST_PASSWORD,
      totp_secret: TOTP_SECRET,
      backup_codes: CODES,
    });
    const browser = instance.browser();
    const signIn = async () => {
      const first = await browser.call("POST", "/v1/client/sign_ins", {
        form: { identifier: email, password: TEST_PASSWORD },
      });
      expect(first.body.response.status).toBe("needs_second_factor");
      expect(first.body.response.supported_second_factors).toEqual([
        { strategy: "totp" },
        { strategy: "backup_code" },
      ]);
      return (code: string) =>
        browser.call(
          "POST",
          `/v1/client/sign_ins/${first.body.response.id}/attempt_second_factor`,
          {
            form: { strategy: "backup_code", code },
          },
        );
    };
    const done = await (await signIn())(CODES[2] ?? "");
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.response.status).toBe("complete");
    const me = await browser.call("GET", "/v1/me");
    expect(me.body.response).toMatchObject({
      id: user.id,
      backup_code_enabled: true,
      totp_enabled: true,
    });
    await signOut(browser);
    const reused = await (await signIn())(CODES[2] ?? "");
    expect(reused.body.errors[0].code).toBe("form_code_incorrect");
    // …and the Backend API sees the same record: that code is spent there too.
    expect((await verifyTotp(user.id, CODES[2] ?? "")).status).toBe(422);
    expect((await verifyTotp(user.id, CODES[0] ?? "")).body.code_type).toBe("backup_code");
  });
});
