import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../../../test/skip-when.js";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { createWebhookEndpoint } from "../../../../flows/webhook-endpoints/create-webhook-endpoint.js";
import {
  latestEmailCode,
  signUpThroughBrowser,
  TEST_PASSWORD,
  verifyWithInstanceJwks,
} from "../frontend-flows.test-helpers.js";

const fapi = loadSpec("fapi");

describe("Frontend API sign-ups", () => {
  const instance = useTestInstance();

  it("signs a user up with an email code: user, session, cookies, a token that verifies", async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ups", {
      form: {
        email_address: "ada@example.com",
        password: TEST_PASSWORD,
        first_name: "Ada",
        unsafe_metadata: JSON.stringify({ plan: "free" }),
      },
    });
    expect(created.status).toBe(200);
    const signUp = created.body.response;
    expect(signUp).toMatchObject({
      object: "sign_up_attempt",
      status: "missing_requirements",
      email_address: "ada@example.com",
      password_enabled: true,
      missing_fields: [],
      unverified_fields: ["email_address"],
      unsafe_metadata: { plan: "free" },
    });
    expect(JSON.stringify(created.body)).not.toContain(TEST_PASSWORD);
    expect(created.body.client.sign_up.id).toBe(signUp.id);
    const clientCookie = browser.cookies.get("__client");
    expect(clientCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setClient = created.setCookies.find((c) => c.startsWith("__client="));
    expect(setClient).toContain("HttpOnly");
    expect(setClient).toContain("SameSite=Lax");
    expect(setClient).toContain("Path=/");
    expect(setClient).not.toContain("Secure");

    const prepared = await browser.call(
      "POST",
      `/v1/client/sign_ups/${signUp.id}/prepare_verification`,
      { form: { strategy: "email_code" } },
    );
    expect(prepared.body.response.verifications.email_address).toMatchObject({
      status: "unverified",
      strategy: "email_code",
      attempts: 0,
      next_action: "needs_attempt",
      expire_at: instance.clock.now() + 600_000,
    });
    const code = await latestEmailCode(instance, "ada@example.com");
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(prepared.body)).not.toContain(code);

    const verified = await browser.call(
      "POST",
      `/v1/client/sign_ups/${signUp.id}/attempt_verification`,
      { form: { strategy: "email_code", code } },
    );
    expect(verified.status).toBe(200);
    const done = verified.body.response;
    expect(done.status).toBe("complete");
    expect(done.created_user_id).toMatch(/^user_/);
    expect(done.created_session_id).toMatch(/^sess_/);
    expect(verified.body.client.sessions).toHaveLength(1);
    expect(verified.body.client.sessions[0].user).toMatchObject({
      id: done.created_user_id,
      first_name: "Ada",
      password_enabled: true,
    });
    expect(verified.body.client.sessions[0].user).not.toHaveProperty("private_metadata");
    expect(verified.body.client.last_active_session_id).toBe(done.created_session_id);
    expect(verified.body.client.sign_up).toBeNull();

    // Cookies: the client token rotated at sign-in; __session and __client_uat set.
    expect(browser.cookies.get("__client")).not.toBe(clientCookie);
    expect(browser.cookies.get("__client_uat")).toBe(String(instance.clock.now() / 1000));
    const sessionCookie = verified.setCookies.find((c) => c.startsWith("__session="));
    expect(sessionCookie).not.toContain("HttpOnly");
    const jwt = browser.cookies.get("__session") ?? "";
    const claims = await verifyWithInstanceJwks(instance, jwt);
    expect(claims).toMatchObject({
      sub: done.created_user_id,
      sid: done.created_session_id,
      azp: "http://localhost:3000",
      iss: `${instance.baseUrl}/__clerk`,
    });

    const user = await instance.store.getUser(done.created_user_id);
    expect(user?.emailAddresses[0]?.verification?.status).toBe("verified");
    expect(user?.unsafeMetadata).toEqual({ plan: "free" });
    expect(user?.passwordEnabled).toBe(true);
    const credential = await instance.store.getPasswordCredential(done.created_user_id);
    expect(credential?.hasher).toBe("argon2id");
  });

  it("writes user.created and session.created to the outbox", async () => {
    await createWebhookEndpoint(instance.store, {
      url: "https://hooks.example.com/sign-ups",
      eventTypes: ["user.created", "session.created"],
    });
    const { userId, sessionId } = await signUpThroughBrowser(instance, "events@example.com");
    await instance.store.fanOutWebhookEvents(100);
    const claimed = await instance.store.claimWebhookDeliveries({
      limit: 100,
      leaseMs: 60_000,
      maxAttempts: 5,
    });
    const events = claimed.map((d) => JSON.parse(d.body) as { type: string; data: { id: string } });
    expect(events.map((e) => [e.type, e.data.id])).toEqual(
      expect.arrayContaining([
        ["user.created", userId],
        ["session.created", sessionId],
      ]),
    );
  });

  it("accepts 424242 for +clerk_test addresses in development, and sends no real mail", async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ups", {
      form: {
        email_address: "tester+clerk_test@example.com",
        password: TEST_PASSWORD,
        strategy: "email_code",
      },
    });
    const [email] = await instance.store.listEmails(
      { toEmailAddress: "tester+clerk_test@example.com" },
      { limit: 1, offset: 0 },
    );
    expect(email?.test).toBe(true);
    const verified = await browser.call(
      "POST",
      `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`,
      { form: { code: "424242" } },
    );
    expect(verified.body.response.status).toBe("complete");
  });

  it("refuses a taken email address (form_identifier_exists) and weak passwords", async () => {
    const browser = instance.browser();
    const taken = await browser.call("POST", "/v1/client/sign_ups", {
      form: { email_address: "ADA@example.com", password: TEST_PASSWORD },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "email_address" },
    });
    const weak = await browser.call("POST", "/v1/client/sign_ups", {
      form: { email_address: "weak@example.com", password: "short" },
    });
    expect(weak.body.errors[0].code).toBe("form_password_length_too_short");
  });

  it("completes through PATCH when the password comes last", async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ups", {
      json: { email_address: "later@example.com", strategy: "email_code" },
    });
    expect(created.body.response.missing_fields).toEqual(["password"]);
    const code = await latestEmailCode(instance, "later@example.com");
    const verified = await browser.call(
      "POST",
      `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`,
      { form: { code } },
    );
    expect(verified.body.response).toMatchObject({
      status: "missing_requirements",
      unverified_fields: [],
      missing_fields: ["password"],
    });
    // PATCH arrives as POST ?_method=PATCH, as Clerk's components send it.
    const patched = await browser.call(
      "POST",
      `/v1/client/sign_ups/${created.body.response.id}?_method=PATCH`,
      { form: { password: TEST_PASSWORD, username: "later_user" } },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.response).toMatchObject({ status: "complete", username: "later_user" });
  });

  it("answers match clerk-fapi.yml's schemas", skipWhen(fapi.skipReason), async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ups", {
      form: { email_address: "shape@example.com", password: TEST_PASSWORD, strategy: "email_code" },
    });
    expectMatchesSpec(fapi, "Client.ClientWrappedSignUp", created.body);
    const code = await latestEmailCode(instance, "shape@example.com");
    const verified = await browser.call(
      "POST",
      `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`,
      { form: { code } },
    );
    expectMatchesSpec(fapi, "Client.ClientWrappedSignUp", verified.body);
    const client = await browser.call("GET", "/v1/client");
    expectMatchesSpec(fapi, "Client.ClientWrappedClient", client.body);
    const environment = await browser.call("GET", "/v1/environment");
    expectMatchesSpec(fapi, "Client.Environment", environment.body);
  });
});
