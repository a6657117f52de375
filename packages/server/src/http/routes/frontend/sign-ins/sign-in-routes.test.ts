import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../../../test/skip-when.js";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { decodeBase32 } from "../../../../mfa/base32.js";
import { hashBackupCode } from "../../../../mfa/hash-backup-code.js";
import { totpCode } from "../../../../mfa/totp-code.js";
import {
  latestEmailCode,
  signOut,
  signUpThroughBrowser,
  TEST_PASSWORD,
  verifyWithInstanceJwks,
} from "../frontend-flows.test-helpers.js";

const fapi = loadSpec("fapi");

const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";

describe("Frontend API sign-ins", () => {
  const instance = useTestInstance();

  const createUser = async (body: Record<string, unknown>) => {
    const created = await instance.call("POST", "/v1/users", { body });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.id as string;
  };

  it("signs in with identifier + password in one step, with a new session and client token", async () => {
    const { browser, sessionId: firstSession } = await signUpThroughBrowser(
      instance,
      "grace@example.com",
    );
    await signOut(browser);
    const before = browser.cookies.get("__client");
    const signIn = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "grace@example.com", password: TEST_PASSWORD },
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body.response).toMatchObject({
      object: "sign_in_attempt",
      status: "complete",
      identifier: "grace@example.com",
    });
    const sessionId = signIn.body.response.created_session_id;
    expect(sessionId).toMatch(/^sess_/);
    expect(sessionId).not.toBe(firstSession);
    expect(signIn.body.client.sessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect(signIn.body.client.sign_in).toBeNull();

    // No fixation: the token the browser had before signing in no longer names the client.
    const after = browser.cookies.get("__client");
    expect(after).not.toBe(before);
    const stale = await instance.fetch("/__clerk/v1/client", {
      headers: { Cookie: `__client=${before}` },
    });
    expect((await stale.json()).response).toBeNull();

    const claims = await verifyWithInstanceJwks(instance, browser.cookies.get("__session") ?? "");
    expect(claims.sid).toBe(sessionId);
  });

  it("answers form_identifier_not_found for an unknown identifier", async () => {
    const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: "nobody@example.com", password: TEST_PASSWORD },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toMatchObject({
      code: "form_identifier_not_found",
      meta: { param_name: "identifier" },
    });
  });

  it("counts wrong passwords and locks the account after 10, then lets it in after an hour", async () => {
    const userId = await createUser({
      email_address: ["locked@example.com"],
      password: TEST_PASSWORD,
    });
    const browser = instance.browser();
    const attempt = (password: string) =>
      browser.call("POST", "/v1/client/sign_ins", {
        form: { identifier: "locked@example.com", password },
      });
    const first = await attempt("wrong-password-1");
    expect(first.status).toBe(422);
    expect(first.body.errors[0].code).toBe("form_password_incorrect");
    expect(first.body.meta.client.sign_in.first_factor_verification).toMatchObject({
      strategy: "password",
      attempts: 1,
    });
    expect((await instance.store.getUser(userId))?.failedVerificationAttempts).toBe(1);
    for (let i = 2; i <= 9; i++) {
      expect((await attempt(`wrong-password-${i}`)).body.errors[0].code).toBe(
        "form_password_incorrect",
      );
    }
    const tenth = await attempt("wrong-password-10");
    expect(tenth.status).toBe(403);
    expect(tenth.body.errors[0]).toMatchObject({
      code: "user_locked",
      meta: { lockout_expires_in_seconds: 3600 },
    });
    instance.clock.advance(61_000);
    const right = await attempt(TEST_PASSWORD);
    expect(right.body.errors[0].code).toBe("user_locked");
    expect(right.body.errors[0].meta.lockout_expires_in_seconds).toBe(3600 - 61);

    instance.clock.advance(3600_000);
    const unlocked = await attempt(TEST_PASSWORD);
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(200);
    expect((await instance.store.getUser(userId))?.failedVerificationAttempts).toBe(0);
  });

  it("refuses banned users", async () => {
    const userId = await createUser({
      email_address: ["banned@example.com"],
      password: TEST_PASSWORD,
    });
    await instance.call("POST", `/v1/users/${userId}/ban`);
    const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: "banned@example.com", password: TEST_PASSWORD },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].code).toBe("user_banned");
  });

  it("signs in with an email code: expiry, attempt limit, single use under concurrency", async () => {
    await createUser({ email_address: ["coder@example.com"], password: TEST_PASSWORD });
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "coder@example.com" },
    });
    expect(created.body.response.status).toBe("needs_first_factor");
    const factors = created.body.response.supported_first_factors;
    expect(factors.map((f: { strategy: string }) => f.strategy)).toEqual([
      "password",
      "email_code",
    ]);
    const emailFactor = factors[1];
    const signInId = created.body.response.id;
    const prepare = () =>
      browser.call("POST", `/v1/client/sign_ins/${signInId}/prepare_first_factor`, {
        form: { strategy: "email_code", email_address_id: emailFactor.email_address_id },
      });
    const attempt = (code: string) =>
      browser.call("POST", `/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
        form: { strategy: "email_code", code },
      });

    // Expiry (fixed clock): ten minutes.
    await prepare();
    const expiring = await latestEmailCode(instance, "coder@example.com");
    instance.clock.advance(600_001);
    expect((await attempt(expiring)).body.errors[0].code).toBe("verification_expired");

    // Attempt limit: the fifth wrong code fails the verification; even the right one then fails.
    await prepare();
    const limited = await latestEmailCode(instance, "coder@example.com");
    const wrong = limited === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const answer = await attempt(wrong);
      expect(answer.body.errors[0]).toMatchObject({
        code: "form_code_incorrect",
        meta: { attempts_remaining: 5 - i },
      });
    }
    expect((await attempt(wrong)).body.errors[0].code).toBe("verification_failed");
    expect((await attempt(limited)).body.errors[0].code).toBe("verification_failed");

    // Single use: of two concurrent attempts with the right code, exactly one succeeds.
    instance.clock.advance(61_000);
    await prepare();
    const code = await latestEmailCode(instance, "coder@example.com");
    const results = await Promise.all([attempt(code), attempt(code)]);
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    const winner = results.find((r) => r.status === 200);
    expect(winner?.body.response.status).toBe("complete");
    const sessions = await instance.call(
      "GET",
      `/v1/sessions?user_id=${winner?.body.client.sessions[0].user.id}`,
    );
    expect(sessions.body).toHaveLength(1);
  });

  it("verifies an imported bcrypt digest and rehashes it to argon2id", async () => {
    const digest = await bcrypt.hash(TEST_PASSWORD, 4);
    const userId = await createUser({
      email_address: ["imported@example.com"],
      password_digest: digest,
      password_hasher: "bcrypt",
    });
    expect((await instance.store.getPasswordCredential(userId))?.hasher).toBe("bcrypt");
    const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: "imported@example.com", password: TEST_PASSWORD },
    });
    expect(answer.body.response.status).toBe("complete");
    const credential = await instance.store.getPasswordCredential(userId);
    expect(credential?.hasher).toBe("argon2id");
    expect(credential?.digest).toMatch(/^\$argon2id\$/);
  });

  it("asks users with TOTP for a second factor: totp code or a single-use backup code", async () => {
    const userId = await createUser({
      email_address: ["mfa@example.com"],
      password: TEST_PASSWORD,
      totp_secret: TOTP_SECRET,
    });
    await instance.store.replaceBackupCodes(userId, [hashBackupCode(userId, "abcd-1234")]);
    const browser = instance.browser();
    const first = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "mfa@example.com", password: TEST_PASSWORD },
    });
    expect(first.body.response.status).toBe("needs_second_factor");
    expect(first.body.response.supported_second_factors).toEqual([
      { strategy: "totp" },
      { strategy: "backup_code" },
    ]);
    expect(browser.cookies.has("__session")).toBe(false);
    const signInId = first.body.response.id;
    const second = (strategy: string, code: string) =>
      browser.call("POST", `/v1/client/sign_ins/${signInId}/attempt_second_factor`, {
        form: { strategy, code },
      });
    const secret = decodeBase32(TOTP_SECRET) as Uint8Array;
    const valid = totpCode(secret, instance.clock.now());
    const wrong = valid === "000000" ? "111111" : "000000";
    expect((await second("totp", wrong)).body.errors[0].code).toBe("form_code_incorrect");
    const done = await second("totp", valid);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.response.status).toBe("complete");
    const claims = await verifyWithInstanceJwks(instance, browser.cookies.get("__session") ?? "");
    expect((claims.fva as number[])[1]).toBe(0);

    // Backup code: works once.
    await signOut(browser);
    const again = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "mfa@example.com", password: TEST_PASSWORD },
    });
    const backup = await browser.call(
      "POST",
      `/v1/client/sign_ins/${again.body.response.id}/attempt_second_factor`,
      { form: { strategy: "backup_code", code: "ABCD1234" } },
    );
    expect(backup.body.response.status).toBe("complete");
    expect(await instance.store.countBackupCodes(userId)).toBe(0);
    await signOut(browser);
    const third = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "mfa@example.com", password: TEST_PASSWORD },
    });
    const reused = await browser.call(
      "POST",
      `/v1/client/sign_ins/${third.body.response.id}/attempt_second_factor`,
      { form: { strategy: "backup_code", code: "abcd-1234" } },
    );
    expect(reused.body.errors[0].code).toBe("form_code_incorrect");
  });

  it("refuses a second sign-in while signed in (single-session mode)", async () => {
    const { browser } = await signUpThroughBrowser(instance, "twice@example.com");
    const answer = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "twice@example.com", password: TEST_PASSWORD },
    });
    expect(answer.body.errors[0].code).toBe("session_exists");
  });

  it("answers match clerk-fapi.yml's schemas", skipWhen(fapi.skipReason), async () => {
    await createUser({ email_address: ["shape-in@example.com"], password: TEST_PASSWORD });
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "shape-in@example.com" },
    });
    expectMatchesSpec(fapi, "Client.ClientWrappedSignIn", created.body);
    const done = await browser.call(
      "POST",
      `/v1/client/sign_ins/${created.body.response.id}/attempt_first_factor`,
      { form: { strategy: "password", password: TEST_PASSWORD } },
    );
    expectMatchesSpec(fapi, "Client.ClientWrappedSignIn", done.body);
    const failed = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "missing@example.com" },
    });
    expectMatchesSpec(fapi, "ClerkErrors", failed.body);
  });
});
