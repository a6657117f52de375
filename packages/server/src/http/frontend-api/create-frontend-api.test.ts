import { describe, expect, it } from "vitest";
import { forwardedClientHeader } from "../../../test/forwarded-client-header.js";
import { useTestInstance } from "../../../test/test-instance.js";
import { TEST_PASSWORD } from "../routes/frontend/frontend-flows.test-helpers.js";

describe("Frontend API framework", () => {
  const instance = useTestInstance();

  it("refuses mutating requests from foreign origins (403) and changes nothing", async () => {
    const browser = instance.browser();
    const answer = await browser.call("POST", "/v1/client/sign_ups", {
      form: { email_address: "csrf@example.com", password: TEST_PASSWORD, strategy: "email_code" },
      origin: "https://evil.example",
    });
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].code).toBe("origin_invalid");
    expect(answer.setCookies).toEqual([]);
    expect(await instance.store.countEmails({ toEmailAddress: "csrf@example.com" })).toBe(0);

    const crossSite = await browser.call("POST", "/v1/client", {
      origin: null,
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);

    // Without Origin, only callers holding the client token get through.
    const anonymous = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "x@example.com" },
      origin: null,
    });
    expect(anonymous.status).toBe(403);
  });

  it("lets native and server callers use the client token in Authorization, without Origin", async () => {
    const created = await instance.fetch("/__clerk/v1/client", {
      method: "POST",
      headers: { Authorization: "" },
    });
    expect(created.status).toBe(200);
    const token = created.headers.get("Authorization") ?? "";
    expect(token).toMatch(/^[\w-]{43}$/);
    const signUp = await instance.fetch("/__clerk/v1/client/sign_ups", {
      method: "POST",
      headers: { Authorization: token, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email_address: "native@example.com" }).toString(),
    });
    expect(signUp.status).toBe(200);
    expect((await signUp.json()).client.id).toBe((await created.json()).response.id);
  });

  it("honours redirect_url only on allowed origins", async () => {
    const browser = instance.browser();
    const refused = await browser.call("POST", "/v1/client/sign_ins", {
      form: { redirect_url: "https://evil.example/after" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: "redirect_url_invalid",
      meta: { param_name: "redirect_url" },
    });
    const allowed = await browser.call("POST", "/v1/client/sign_ins", {
      form: { redirect_url: "http://localhost:3000/dashboard" },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.response.status).toBe("needs_identifier");
  });

  it("routes POST ?_method=DELETE as DELETE, and answers unknown paths in the envelope", async () => {
    const browser = instance.browser();
    await browser.call("POST", "/v1/client");
    const deleted = await browser.call("POST", "/v1/client?_method=DELETE");
    expect(deleted.status).toBe(200);
    expect(deleted.body.response.object).toBe("client");
    expect(browser.cookies.get("__client_uat")).toBe("0");
    const missing = await browser.call("GET", "/v1/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errors: [{ code: "resource_not_found" }], meta: {} });
    expect(missing.body.clerk_trace_id).toMatch(/^\w{16}$/);
  });

  it("refuses text PostgreSQL cannot store (NUL, lone surrogates) with a coded 422, not a 500", async () => {
    const browser = instance.browser();
    await browser.call("POST", "/v1/client");
    for (const [path, form] of [
      ["/v1/client/sign_ins", { identifier: "a\u0000b@example.com" }],
      ["/v1/client/sign_ups", { email_address: "c\u0000d@example.com", password: TEST_PASSWORD }],
    ] as const) {
      const answer = await browser.call("POST", path, { form });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].code).toBe("form_param_format_invalid");
    }
    // A form cannot carry a lone surrogate (it is encoded as U+FFFD); JSON can.
    const surrogate = await browser.call("POST", "/v1/client/sign_ups", {
      json: { email_address: "e@example.com", password: TEST_PASSWORD, first_name: "\ud800" },
    });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.errors[0].meta.param_name).toBe("first_name");
    const badId = await browser.call("GET", "/v1/client/sign_ins/sia_\u0000");
    expect(badId.status).toBe(404);
  });

  it("answers GET /v1/client with null when there is no client", async () => {
    const answer = await instance.browser().call("GET", "/v1/client");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ response: null, client: null });
  });

  it("marks cookies Secure behind the app's https proxy (signed), not for a stranger's header", async () => {
    const answer = await instance.browser().call("POST", "/v1/client", {
      headers: forwardedClientHeader("203.0.113.9", {
        nowMs: instance.clock.now(),
        proto: "https",
      }),
    });
    expect(answer.setCookies[0]).toMatch(
      /^__client=[\w-]{43}; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const spoofed = await instance.browser().call("POST", "/v1/client", {
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(spoofed.setCookies[0]).toMatch(
      /^__client=[\w-]{43}; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it("serves the JWKS under the prefix, the same keys as the Backend API", async () => {
    const frontend = await instance.fetch("/__clerk/.well-known/jwks.json");
    const backend = await instance.call("GET", "/v1/jwks");
    expect(await frontend.json()).toEqual(backend.body);
  });

  it("answers 429 with Retry-After when a sign-in rate limit is exhausted", async () => {
    const browser = instance.browser();
    let last = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "limited@example.com" },
    });
    for (let i = 0; i < 10 && last.status !== 429; i++) {
      last = await browser.call("POST", "/v1/client/sign_ins", {
        form: { identifier: "limited@example.com" },
      });
    }
    expect(last.status).toBe(429);
    expect(last.body.errors[0].code).toBe("too_many_requests");
    expect(Number(last.headers.get("Retry-After"))).toBeGreaterThan(0);
    instance.clock.advance(61_000);
  });
});
