/**
 * Attack: keep using a revoked session. Its last token runs out within its lifetime, and no route
 * mints a fresh one — the token is not renewable once the session is revoked (or ended).
 */
import { TokenVerificationError, verifyToken } from "@latchkey/backend";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";

const instance = useTestInstance();

function verify(jwt: string) {
  return verifyToken(jwt, {
    secretKey: TEST_SECRET_KEY,
    apiUrl: instance.baseUrl,
    fetch: (input, init) => instance.handler(new Request(input, init)),
    now: () => instance.clock.now(),
  });
}

async function reasonOf(jwt: string): Promise<string> {
  try {
    await verify(jwt);
  } catch (err) {
    expect(err).toBeInstanceOf(TokenVerificationError);
    return (err as TokenVerificationError).reason;
  }
  return "accepted";
}

async function sessionWithToken() {
  const user = await instance.call("POST", "/v1/users", {
    body: { email_address: [`revoked${Math.random().toString(36).slice(2)}@example.com`] },
  });
  expect(user.status).toBe(200);
  const session = await instance.call("POST", "/v1/sessions", { body: { user_id: user.body.id } });
  expect(session.status).toBe(200);
  const minted = await instance.call("POST", `/v1/sessions/${session.body.id}/tokens`);
  expect(minted.status).toBe(200);
  return { sessionId: session.body.id as string, jwt: minted.body.jwt as string };
}

beforeAll(async () => {
  const template = await instance.call("POST", "/v1/jwt_templates", {
    body: { name: "renewal-attack", claims: { role: "{{user.public_metadata.role}}" } },
  });
  expect(template.status).toBe(200);
});

describe("a revoked session's token cannot be renewed", () => {
  it("revoke, let the token expire: verification says token-expired, and no new token is minted", async () => {
    const { sessionId, jwt } = await sessionWithToken();
    expect(await reasonOf(jwt)).toBe("accepted");

    const revoked = await instance.call("POST", `/v1/sessions/${sessionId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");

    // Past exp (60 s) and the 5 s skew.
    instance.clock.advance(66_000);
    expect(await reasonOf(jwt)).toBe("token-expired");

    for (const path of [
      `/v1/sessions/${sessionId}/tokens`,
      `/v1/sessions/${sessionId}/tokens/renewal-attack`,
    ]) {
      const renewal = await instance.call("POST", path, { body: { expires_in_seconds: 3600 } });
      expect(renewal.status, path).toBe(401);
      expect(renewal.body.errors[0].code).toBe("session_not_active");
      expect(renewal.body.errors[0].meta.session_status).toBe("revoked");
      expect(JSON.stringify(renewal.body)).not.toContain(jwt);
    }
  });

  it("revoking is final: the session cannot be revived by revoking again or by a new session call", async () => {
    const { sessionId } = await sessionWithToken();
    await instance.call("POST", `/v1/sessions/${sessionId}/revoke`);
    const again = await instance.call("POST", `/v1/sessions/${sessionId}/revoke`);
    expect(again.body.status).toBe("revoked");
    const session = await instance.call("GET", `/v1/sessions/${sessionId}`);
    expect(session.body.status).toBe("revoked");
    const renewal = await instance.call("POST", `/v1/sessions/${sessionId}/tokens`);
    expect(renewal.status).toBe(401);
    expect(renewal.body.errors[0].code).toBe("session_not_active");
  });

  it("a session past its lifetime cannot be renewed either", async () => {
    const { sessionId } = await sessionWithToken();
    instance.clock.advance(7 * 86_400_000 + 1000);
    const renewal = await instance.call("POST", `/v1/sessions/${sessionId}/tokens`);
    expect(renewal.status).toBe(401);
    expect(renewal.body.errors[0].code).toBe("session_not_active");
  });

  it("an unknown or malformed session id is a coded 404, not a token", async () => {
    for (const id of ["sess_doesnotexist", "sess_%00", "..%2F..%2Fusers"]) {
      const renewal = await instance.call("POST", `/v1/sessions/${id}/tokens`);
      expect(renewal.status, id).toBe(404);
      expect(renewal.body.errors[0].code).toBe("resource_not_found");
    }
  });
});
