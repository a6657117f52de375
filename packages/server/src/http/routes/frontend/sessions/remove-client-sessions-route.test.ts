import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN } from "../../../../../test/frontend-test-browser.js";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { createSession } from "../../../../flows/sessions/create-session.js";
import { createWebhookEndpoint } from "../../../../flows/webhook-endpoints/create-webhook-endpoint.js";
import { signUpThroughBrowser } from "../frontend-flows.test-helpers.js";

const fapi = loadSpec("fapi");

describe("DELETE /v1/client/sessions", () => {
  const instance = useTestInstance();

  it("signs every session of the client out, keeps the client and its __client cookie", async () => {
    await createWebhookEndpoint(instance.store, {
      url: "https://hooks.example.com/sign-outs",
      eventTypes: ["session.ended"],
    });
    const { browser, sessionId, userId } = await signUpThroughBrowser(instance, "out@example.com");
    const client = await browser.call("GET", "/v1/client");
    const clientId = client.body.response.id;
    const { session: second } = await createSession(instance.store, {
      userId,
      clientId,
      expireAt: instance.clock.now() + 3_600_000,
      abandonAt: instance.clock.now() + 3_600_000,
    });
    const clientCookie = browser.cookies.get("__client");

    // As clerk-js's signOut() sends it.
    const answer = await browser.call("POST", "/v1/client/sessions?_method=DELETE", { form: {} });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectMatchesSpec(fapi, "Client.DeleteSession", answer.body);
    expect(answer.body.response).toEqual(answer.body.client);
    expect(answer.body.response).toMatchObject({ object: "client", id: clientId, sessions: [] });
    expect(answer.body.response.last_active_session_id).toBeNull();

    expect(answer.setCookies.some((c) => c.startsWith("__client="))).toBe(false);
    expect(browser.cookies.get("__client")).toBe(clientCookie);
    expect(answer.setCookies).toContain("__session=; Max-Age=0; Path=/; SameSite=Lax");
    expect(browser.cookies.get("__client_uat")).toBe("0");
    expect((await instance.store.getSession(sessionId))?.status).toBe("ended");
    expect((await instance.store.getSession(second.id))?.status).toBe("ended");

    // The same client answers afterwards, signed out.
    const after = await browser.call("GET", "/v1/client");
    expect(after.body.response).toMatchObject({ id: clientId, sessions: [] });

    await instance.store.fanOutWebhookEvents(100);
    const claimed = await instance.store.claimWebhookDeliveries({
      limit: 100,
      leaseMs: 60_000,
      maxAttempts: 5,
    });
    const ended = claimed
      .map((d) => JSON.parse(d.body) as { type: string; data: { id: string; status: string } })
      .filter((e) => e.type === "session.ended")
      .map((e) => [e.data.id, e.data.status]);
    expect(ended.sort()).toEqual(
      [
        [sessionId, "ended"],
        [second.id, "ended"],
      ].sort(),
    );
  });

  it("answers a client without sessions as it is", async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client", { origin: TEST_APP_ORIGIN });
    expect(created.status).toBe(200);
    const answer = await browser.call("DELETE", "/v1/client/sessions");
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ id: created.body.response.id, sessions: [] });
  });

  it("answers 401 signed_out without a client, and 403 from a foreign origin", async () => {
    const none = await instance.browser().call("DELETE", "/v1/client/sessions");
    expect(none.status).toBe(401);
    expect(none.body.errors[0].code).toBe("signed_out");

    const { browser, sessionId } = await signUpThroughBrowser(instance, "csrf@example.com");
    const foreign = await browser.call("DELETE", "/v1/client/sessions", {
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].code).toBe("origin_invalid");
    expect((await instance.store.getSession(sessionId))?.status).toBe("active");
  });
});
