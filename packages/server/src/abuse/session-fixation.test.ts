/**
 * Abuse: session fixation. An attacker makes a client, plants its `__client` token in the victim's
 * browser and waits for the victim to sign up or sign in. Signing in must hand the victim a new
 * token, so the planted one names nothing afterwards: no client, no session, no session token.
 * (Signing in again after signing out in one browser is covered in
 * `routes/frontend/sign-ins/sign-in-routes.test.ts`.)
 */
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../test/test-instance.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";

describe("abuse: session fixation", () => {
  const instance = useTestInstance();

  /** The attacker's own client token, as `POST /v1/client` hands it out. */
  async function attackerToken(): Promise<string> {
    const attacker = instance.browser();
    const created = await attacker.call("POST", "/v1/client");
    expect(created.status).toBe(200);
    const token = attacker.cookies.get("__client");
    expect(token).toMatch(/^[\w-]{43}$/);
    return token ?? "";
  }

  /** What the planted token still reaches once the victim is signed in as `sessionId`. */
  async function expectPlantedTokenDead(planted: string, sessionId: string): Promise<void> {
    const client = await instance.fetch("/__clerk/v1/client", {
      headers: { Cookie: `__client=${planted}` },
    });
    expect((await client.json()).response).toBeNull();
    // From the app's own origin, so the CSRF check lets both through and the planted token
    // itself is what is refused: it names no client any more.
    const credentials: Array<Record<string, string>> = [
      { Cookie: `__client=${planted}`, Origin: "http://localhost:3000" },
      { Authorization: planted, Origin: "http://localhost:3000" },
    ];
    for (const headers of credentials) {
      const token = await instance.fetch(`/__clerk/v1/client/sessions/${sessionId}/tokens`, {
        method: "POST",
        headers,
      });
      const body = await token.json();
      expect(token.status).toBe(401);
      expect(body.errors[0].code).toBe("signed_out");
      expect(JSON.stringify(body)).not.toMatch(/"jwt"/);
    }
  }

  it("a token planted before sign-in no longer works after it", async () => {
    await instance.call("POST", "/v1/users", {
      body: { email_address: ["fixated@example.com"], password: TEST_PASSWORD },
    });
    const planted = await attackerToken();
    const victim = instance.browser();
    victim.cookies.set("__client", planted);
    const signedIn = await victim.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "fixated@example.com", password: TEST_PASSWORD },
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    expect(victim.cookies.get("__client")).not.toBe(planted);
    await expectPlantedTokenDead(planted, signedIn.body.response.created_session_id);
    // The victim's own, new token does work.
    const own = await victim.call(
      "POST",
      `/v1/client/sessions/${signedIn.body.response.created_session_id}/tokens`,
    );
    expect(own.status).toBe(200);
  });

  it("a token planted before sign-up no longer works after it", async () => {
    const planted = await attackerToken();
    const victim = instance.browser();
    victim.cookies.set("__client", planted);
    const started = await victim.call("POST", "/v1/client/sign_ups", {
      form: {
        email_address: "fixed+clerk_test@example.com",
        password: TEST_PASSWORD,
        strategy: "email_code",
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const done = await victim.call(
      "POST",
      `/v1/client/sign_ups/${started.body.response.id}/attempt_verification`,
      { form: { strategy: "email_code", code: "424242" } },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(victim.cookies.get("__client")).not.toBe(planted);
    await expectPlantedTokenDead(planted, done.body.response.created_session_id);
  });
});
