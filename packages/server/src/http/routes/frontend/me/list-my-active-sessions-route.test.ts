import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser, TEST_PASSWORD } from "../frontend-flows.test-helpers.js";

describe("Frontend API /v1/me/sessions/active and /v1/me/organization_suggestions", () => {
  const instance = useTestInstance();

  it("lists the user's active sessions on every client as a bare array, and only theirs", async () => {
    const { browser, userId, sessionId } = await signUpThroughBrowser(
      instance,
      "devices@example.com",
    );
    // A second device of the same user.
    const laptop = instance.browser();
    const signIn = await laptop.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "devices@example.com", password: TEST_PASSWORD, strategy: "password" },
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    const laptopSessionId = signIn.body.response.created_session_id as string;
    await signUpThroughBrowser(instance, "someone-else@example.com");

    const listed = await browser.call(
      "GET",
      `/v1/me/sessions/active?_clerk_session_id=${sessionId}`,
    );
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    // clerk-js reads this payload itself: no `{ response, client }` envelope.
    expect(Array.isArray(listed.body)).toBe(true);
    expect(listed.body.map((s: { id: string }) => s.id).sort()).toEqual(
      [sessionId, laptopSessionId].sort(),
    );
    expect(listed.body[0]).toMatchObject({
      object: "session",
      status: "active",
      latest_activity: { object: "session_activity", is_mobile: false },
    });
    expectMatchesSpec(loadSpec("fapi"), "Client.ActiveSessions", listed.body);

    // Signing out on the other device from here: revoked, and no longer listed.
    const revoked = await browser.call("POST", `/v1/me/sessions/${laptopSessionId}/revoke`);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.response).toMatchObject({ id: laptopSessionId, status: "revoked" });
    const after = await browser.call("GET", "/v1/me/sessions/active");
    expect(after.body.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await laptop.call("GET", "/v1/me")).status).toBe(401);
    const sessions = await instance.call("GET", `/v1/sessions?user_id=${userId}&status=revoked`);
    expect(sessions.body.map((s: { id: string }) => s.id)).toEqual([laptopSessionId]);
  });

  it("revokes only the user's own sessions", async () => {
    const mine = await signUpThroughBrowser(instance, "revoker@example.com");
    const theirs = await signUpThroughBrowser(instance, "revoked-not@example.com");
    const refused = await mine.browser.call("POST", `/v1/me/sessions/${theirs.sessionId}/revoke`);
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].code).toBe("resource_not_found");
    expect((await theirs.browser.call("GET", "/v1/me")).status).toBe(200);
    const missing = await mine.browser.call("POST", "/v1/me/sessions/sess_missing/revoke");
    expect(missing.status).toBe(404);
  });

  it("answers no organization suggestions (no domains), and 401 signed out for both", async () => {
    const { browser } = await signUpThroughBrowser(instance, "suggest@example.com");
    const suggestions = await browser.call(
      "GET",
      "/v1/me/organization_suggestions?status=pending&status=accepted&limit=10&offset=0",
    );
    expect(suggestions.status, JSON.stringify(suggestions.body)).toBe(200);
    expect(suggestions.body.response).toEqual({ data: [], total_count: 0 });
    expectMatchesSpec(
      loadSpec("fapi"),
      "Client.ClientWrappedOrganizationSuggestions",
      suggestions.body,
    );

    const anonymous = instance.browser();
    for (const path of ["/v1/me/sessions/active", "/v1/me/organization_suggestions"]) {
      const refused = await anonymous.call("GET", path);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].code).toBe("signed_out");
    }
  });
});
