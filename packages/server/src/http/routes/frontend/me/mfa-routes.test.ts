import { describe, expect, it } from "vitest";
import type { TestBrowser } from "../../../../../test/frontend-test-browser.js";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { decodeBase32 } from "../../../../mfa/base32.js";
import { totpCode } from "../../../../mfa/totp-code.js";
import {
  signOut,
  signUpThroughBrowser,
  TEST_PASSWORD,
  verifyWithInstanceJwks,
} from "../frontend-flows.test-helpers.js";

describe("Frontend API MFA enrolment (/v1/me/totp, /v1/me/backup_codes)", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };
  const codeFor = (secret: string, offsetMs = 0) =>
    totpCode(decodeBase32(secret) ?? new Uint8Array(), instance.clock.now() + offsetMs);

  /** Enrols TOTP for the browser's user; returns the secret and the backup codes answered. */
  async function enrolTotp(browser: TestBrowser) {
    const created = await browser.call("POST", "/v1/me/totp");
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const secret: string = created.body.response.secret;
    const verified = await browser.call("POST", "/v1/me/totp/attempt_verification", {
      form: { code: codeFor(secret) },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    return { secret, backupCodes: verified.body.response.backup_codes as string[] };
  }

  /** Signs in with the password: the sign-in stops at the second factor. */
  async function firstFactor(browser: TestBrowser, email: string) {
    const signIn = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: email, password: TEST_PASSWORD },
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body.response.status).toBe("needs_second_factor");
    return signIn.body.response.id as string;
  }

  it("enrols TOTP; afterwards a sign-in needs the authenticator's code", async () => {
    const email = "totp@example.com";
    const { browser, userId } = await signUpThroughBrowser(instance, email);

    const created = await browser.call("POST", "/v1/me/totp");
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const totp = created.body.response;
    expect(totp).toMatchObject({ object: "totp", verified: false });
    expect(totp.id).toMatch(/^totp_/);
    expect(totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totp.uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/Latchkey:${email}`);
    expect(uri.searchParams.get("secret")).toBe(totp.secret);
    checkShape("Client.ClientWrappedTOTP", created.body);
    // Pending: not enabled yet, and the secret is nowhere in the user.
    expect(created.body.client.sessions[0].user.totp_enabled).toBe(false);
    expect(JSON.stringify(created.body.client)).not.toContain(totp.secret);

    // A second POST replaces the pending secret; the first one's codes no longer enrol.
    const replaced = await browser.call("POST", "/v1/me/totp");
    const secret: string = replaced.body.response.secret;
    expect(secret).not.toBe(totp.secret);
    const stale = await browser.call("POST", "/v1/me/totp/attempt_verification", {
      form: { code: codeFor(totp.secret) },
    });
    expect(stale.status).toBe(422);
    expect(stale.body.errors[0]).toMatchObject({
      code: "form_code_incorrect",
      meta: { param_name: "code" },
    });

    const verified = await browser.call("POST", "/v1/me/totp/attempt_verification", {
      form: { code: codeFor(secret) },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.response).toMatchObject({
      object: "totp",
      id: replaced.body.response.id,
      verified: true,
      secret: null,
      uri: null,
    });
    const backupCodes: string[] = verified.body.response.backup_codes;
    expect(backupCodes).toHaveLength(10);
    checkShape("Client.ClientWrappedTOTP", verified.body);
    expect(verified.body.client.sessions[0].user).toMatchObject({
      totp_enabled: true,
      backup_code_enabled: true,
      two_factor_enabled: true,
    });
    expect(verified.body.client.sessions[0].user.mfa_enabled_at).toBe(instance.clock.now());
    expect(await instance.store.getTotpSecret(userId)).toBe(secret);
    expect(await instance.store.getTotpEnrollment(userId)).toBeNull();

    // Once enabled, neither a new enrolment nor a second verification is accepted.
    expect((await browser.call("POST", "/v1/me/totp")).body.errors[0].code).toBe(
      "totp_already_enabled",
    );

    await signOut(browser);
    const signInId = await firstFactor(browser, email);
    instance.clock.advance(90_000);
    const wrong = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "totp", code: codeFor(totp.secret) },
      },
    );
    expect(wrong.status).toBe(422);
    const done = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "totp", code: codeFor(secret) },
      },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.response.status).toBe("complete");
    const claims = await verifyWithInstanceJwks(instance, browser.cookies.get("__session") ?? "");
    expect(claims.sub).toBe(userId);
    expect((claims.fva as number[])[1]).toBe(0);
  });

  it("refuses a verification without a pending secret, and a wrong code", async () => {
    const { browser } = await signUpThroughBrowser(instance, "nototp@example.com");
    const none = await browser.call("POST", "/v1/me/totp/attempt_verification", {
      form: { code: "123456" },
    });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].code).toBe("verification_missing");
    const created = await browser.call("POST", "/v1/me/totp");
    const right = codeFor(created.body.response.secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const refused = await browser.call("POST", "/v1/me/totp/attempt_verification", {
      form: { code: wrong },
    });
    expect(refused.status).toBe(422);
    expect((await browser.call("GET", "/v1/me")).body.response.totp_enabled).toBe(false);
    expect((await instance.browser().call("POST", "/v1/me/totp")).status).toBe(401);
  });

  it("accepts each backup code once; a new set replaces the old one", async () => {
    const email = "backup@example.com";
    const { browser, userId } = await signUpThroughBrowser(instance, email);
    const { backupCodes } = await enrolTotp(browser);
    const [first = "", second = ""] = backupCodes;

    await signOut(browser);
    let signInId = await firstFactor(browser, email);
    const used = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "backup_code", code: first },
      },
    );
    expect(used.body.response.status).toBe("complete");

    await signOut(browser);
    signInId = await firstFactor(browser, email);
    const again = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "backup_code", code: first },
      },
    );
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe("form_code_incorrect");
    const other = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "backup_code", code: second },
      },
    );
    expect(other.body.response.status).toBe("complete");

    const regenerated = await browser.call("POST", "/v1/me/backup_codes");
    expect(regenerated.status, JSON.stringify(regenerated.body)).toBe(200);
    expect(regenerated.body.response).toMatchObject({ object: "backup_code" });
    const fresh: string[] = regenerated.body.response.codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => backupCodes.includes(code))).toBe(false);
    checkShape("Client.ClientWrappedBackupCodes", regenerated.body);
    expect(await instance.store.countBackupCodes(userId)).toBe(10);

    await signOut(browser);
    signInId = await firstFactor(browser, email);
    const oldSet = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "backup_code", code: backupCodes[2] ?? "" },
      },
    );
    expect(oldSet.status).toBe(422);
    const newSet = await browser.call(
      "POST",
      `/v1/client/sign_ins/${signInId}/attempt_second_factor`,
      {
        form: { strategy: "backup_code", code: fresh[0] ?? "" },
      },
    );
    expect(newSet.body.response.status).toBe("complete");
  });

  it("refuses backup codes without TOTP, and removes TOTP with its backup codes", async () => {
    const email = "remove-totp@example.com";
    const { browser, userId } = await signUpThroughBrowser(instance, email);
    const refused = await browser.call("POST", "/v1/me/backup_codes");
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe("totp_not_enabled");
    expect((await browser.call("DELETE", "/v1/me/totp")).status).toBe(404);

    await enrolTotp(browser);
    const removed = await browser.call("DELETE", "/v1/me/totp");
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.response).toEqual({ object: "totp", deleted: true });
    checkShape("Client.ClientWrappedDeletedObject", removed.body);
    expect(removed.body.client.sessions[0].user).toMatchObject({
      totp_enabled: false,
      backup_code_enabled: false,
      two_factor_enabled: false,
    });
    expect(await instance.store.countBackupCodes(userId)).toBe(0);

    await signOut(browser);
    const signIn = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: email, password: TEST_PASSWORD },
    });
    expect(signIn.body.response.status).toBe("complete");
  });
});
