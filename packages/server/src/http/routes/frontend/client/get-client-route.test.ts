import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN } from "../../../../../test/frontend-test-browser.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser, verifyWithInstanceJwks } from "../frontend-flows.test-helpers.js";

describe("GET /v1/client", () => {
  const instance = useTestInstance();

  it("gives every active session a fresh last_active_token, and sets no cookie for it", async () => {
    const { browser, sessionId, userId } = await signUpThroughBrowser(instance, "lat@example.com");
    instance.clock.advance(90_000);
    const answer = await browser.call("GET", "/v1/client");
    expect(answer.status).toBe(200);
    const [session] = answer.body.response.sessions;
    expect(session.id).toBe(sessionId);
    expect(session.last_active_token).toEqual({ object: "token", jwt: expect.any(String) });
    const claims = await verifyWithInstanceJwks(instance, session.last_active_token.jwt);
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: TEST_APP_ORIGIN });
    expect(claims.iat).toBe(instance.clock.now() / 1000);
    // The envelope's client says the same; the answer sets no __session.
    expect(answer.body.client.sessions[0].last_active_token.jwt).toBe(
      session.last_active_token.jwt,
    );
    expect(answer.setCookies.some((line) => line.startsWith("__session="))).toBe(false);
  });

  it("mints nothing for a banned user's session", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "lat-banned@example.com");
    await instance.call("POST", `/v1/users/${userId}/ban`);
    const answer = await browser.call("GET", "/v1/client");
    expect(answer.status).toBe(200);
    for (const session of answer.body.response?.sessions ?? []) {
      expect(session.last_active_token).toBeNull();
    }
  });
});
