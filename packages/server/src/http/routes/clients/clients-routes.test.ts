import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { createSession } from "../../../flows/sessions/create-session.js";
import { hashClientToken, newClientToken } from "../../frontend-api/client-token.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

async function newSession() {
  const user = await instance.store.createUser({ firstName: "Ada" });
  return (await instance.call("POST", "/v1/sessions", { body: { user_id: user.id } })).body;
}

describe("GET /v1/clients/{client_id}", () => {
  it("answers the client with its sessions, shaped as the spec's Client", async () => {
    const session = await newSession();
    const second = (
      await createSession(instance.store, {
        userId: session.user_id,
        clientId: session.client_id,
        expireAt: instance.clock.now() + 1000,
        abandonAt: instance.clock.now() + 1000,
      })
    ).session;
    const answer = await instance.call("GET", `/v1/clients/${session.client_id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      object: "client",
      id: session.client_id,
      session_ids: [session.id, second.id],
      last_active_session_id: second.id,
      sign_in_id: null,
      sign_up_id: null,
      last_authentication_strategy: null,
    });
    expect(answer.body.sessions.map((s: { id: string }) => s.id)).toEqual([session.id, second.id]);
    expectMatchesSpec(bapi, "Client", answer.body);
  });

  it("answers 404 for unknown clients and 401 without the secret key", async () => {
    const unknown = await instance.call("GET", "/v1/clients/client_missing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({
      code: "resource_not_found",
      meta: { param_name: "client_id" },
    });
    const session = await newSession();
    const noKey = await instance.call("GET", `/v1/clients/${session.client_id}`, {
      secretKey: null,
    });
    expect(noKey.status).toBe(401);
  });
});

describe("POST /v1/clients/verify", () => {
  it("answers the client a client token (the __client cookie value) stands for", async () => {
    const token = newClientToken();
    const client = await instance.store.createClient({ tokenHash: hashClientToken(token) });
    const answer = await instance.call("POST", "/v1/clients/verify", { body: { token } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ object: "client", id: client.id });
    expectMatchesSpec(bapi, "Client", answer.body);
  });

  it("refuses malformed tokens and tokens of unknown clients", async () => {
    for (const bad of ["a.b.c", "nonsense", "x".repeat(5000)]) {
      const answer = await instance.call("POST", "/v1/clients/verify", { body: { token: bad } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe("client_token_invalid");
    }
    const unknown = await instance.call("POST", "/v1/clients/verify", {
      body: { token: newClientToken() },
    });
    expect(unknown.status).toBe(404);
    const missing = await instance.call("POST", "/v1/clients/verify", { body: {} });
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "token" },
    });
  });
});
