import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN } from "../../../../../test/frontend-test-browser.js";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser, verifyWithInstanceJwks } from "../frontend-flows.test-helpers.js";

const fapi = loadSpec("fapi");

describe("Frontend API sessions and token renewal", () => {
  const instance = useTestInstance();

  /** Renews exactly as the Next.js middleware does: forwarded `__client` cookie + app Origin. */
  const renew = (sessionId: string, clientCookie: string | undefined) =>
    instance.fetch(`/__clerk/v1/client/sessions/${sessionId}/tokens`, {
      method: "POST",
      headers: {
        cookie: `__client=${clientCookie ?? ""}`,
        origin: TEST_APP_ORIGIN,
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "",
    });

  it("renews a session token from the __client cookie, as the middleware asks", async () => {
    const { browser, sessionId, userId } = await signUpThroughBrowser(
      instance,
      "renew@example.com",
    );
    instance.clock.advance(120_000);
    const response = await renew(sessionId, browser.cookies.get("__client"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await response.json();
    expect(body).toEqual({
      object: "token",
      jwt: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const claims = await verifyWithInstanceJwks(instance, body.jwt);
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: TEST_APP_ORIGIN });
    expect(claims.iat).toBe(instance.clock.now() / 1000);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__session="));
    expect(cookie).toBe(`__session=${body.jwt}; Path=/; SameSite=Lax`);
  });

  it("stops renewal at once after end, revoke, ban and lock", async () => {
    const ended = await signUpThroughBrowser(instance, "ended@example.com");
    const end = await ended.browser.call("POST", `/v1/client/sessions/${ended.sessionId}/end`);
    expect(end.body.response.status).toBe("ended");
    expect(ended.browser.cookies.get("__client_uat")).toBe("0");
    const afterEnd = await renew(ended.sessionId, ended.browser.cookies.get("__client"));
    expect(afterEnd.status).toBe(401);
    expect((await afterEnd.json()).errors[0].code).toBe("session_not_active");

    const revoked = await signUpThroughBrowser(instance, "revoked@example.com");
    await instance.call("POST", `/v1/sessions/${revoked.sessionId}/revoke`);
    expect((await renew(revoked.sessionId, revoked.browser.cookies.get("__client"))).status).toBe(
      401,
    );

    const banned = await signUpThroughBrowser(instance, "banned-later@example.com");
    expect((await renew(banned.sessionId, banned.browser.cookies.get("__client"))).status).toBe(
      200,
    );
    await instance.call("POST", `/v1/users/${banned.userId}/ban`);
    expect((await renew(banned.sessionId, banned.browser.cookies.get("__client"))).status).toBe(
      401,
    );

    const locked = await signUpThroughBrowser(instance, "locked-later@example.com");
    await instance.call("POST", `/v1/users/${locked.userId}/lock`);
    expect((await renew(locked.sessionId, locked.browser.cookies.get("__client"))).status).toBe(
      401,
    );
  });

  it("answers 401 without a live client and 404 for another client's session", async () => {
    const mine = await signUpThroughBrowser(instance, "mine@example.com");
    const theirs = await signUpThroughBrowser(instance, "theirs@example.com");
    const noClient = await renew(mine.sessionId, "A".repeat(43));
    expect(noClient.status).toBe(401);
    expect((await noClient.json()).errors[0].code).toBe("signed_out");
    const foreign = await renew(theirs.sessionId, mine.browser.cookies.get("__client"));
    expect(foreign.status).toBe(404);
  });

  it("signs every session out with DELETE /v1/client", async () => {
    const { browser, sessionId } = await signUpThroughBrowser(instance, "all-out@example.com");
    const answer = await browser.call("DELETE", "/v1/client");
    expect(answer.status).toBe(200);
    expect(answer.body.response.sessions).toEqual([]);
    expect(browser.cookies.get("__client_uat")).toBe("0");
    expect(browser.cookies.has("__session")).toBe(false);
    expect(answer.setCookies).toContain("__session=; Max-Age=0; Path=/; SameSite=Lax");
    expect((await instance.store.getSession(sessionId))?.status).toBe("ended");
    expect((await renew(sessionId, browser.cookies.get("__client"))).status).toBe(401);
  });

  it("touches a session and switches its active organization only to one the user belongs to", async () => {
    const { browser, sessionId, userId } = await signUpThroughBrowser(instance, "org@example.com");
    const other = await instance.call("POST", "/v1/users", {
      body: { email_address: ["org-other@example.com"], skip_password_requirement: true },
    });
    const mine = await instance.call("POST", "/v1/organizations", {
      body: { name: "Mine", slug: "mine", created_by: userId },
    });
    const foreign = await instance.call("POST", "/v1/organizations", {
      body: { name: "Foreign", slug: "foreign", created_by: other.body.id },
    });
    const refused = await browser.call("POST", `/v1/client/sessions/${sessionId}/touch`, {
      form: { active_organization_id: foreign.body.id },
    });
    expect(refused.status).toBe(404);
    const touched = await browser.call("POST", `/v1/client/sessions/${sessionId}/touch`, {
      form: { active_organization_id: "mine" },
    });
    expect(touched.status, JSON.stringify(touched.body)).toBe(200);
    expect(touched.body.response.last_active_organization_id).toBe(mine.body.id);
    const claims = await verifyWithInstanceJwks(instance, browser.cookies.get("__session") ?? "");
    expect((claims.o as { id: string }).id).toBe(mine.body.id);
    expectMatchesSpec(fapi, "Client.TouchWrappedSession", touched.body);
  });

  it("mints JWT template tokens for the client's session", async () => {
    const { browser, sessionId, userId } = await signUpThroughBrowser(instance, "tmpl@example.com");
    await instance.call("POST", "/v1/jwt_templates", {
      body: { name: "supabase", claims: { email: "{{user.primary_email_address}}" } },
    });
    const answer = await browser.call("POST", `/v1/client/sessions/${sessionId}/tokens/supabase`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const payload = JSON.parse(Buffer.from(answer.body.jwt.split(".")[1], "base64url").toString());
    expect(payload).toMatchObject({ sub: userId, email: "tmpl@example.com" });
  });
});
