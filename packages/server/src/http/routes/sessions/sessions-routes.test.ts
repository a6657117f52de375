import { createHmac } from "node:crypto";
import { TokenVerificationError, verifyToken } from "@latchkey/backend";
import { beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../../test/skip-when.js";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

function decode(jwt: string) {
  const [header, payload] = jwt.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    payload: JSON.parse(Buffer.from(payload, "base64url").toString()),
  };
}

/** Verifies like an app would: JWKS fetched from the instance (in process) with the secret key. */
function verify(jwt: string, authorizedParties?: string[]) {
  return verifyToken(jwt, {
    secretKey: TEST_SECRET_KEY,
    apiUrl: instance.baseUrl,
    fetch: (input, init) => instance.handler(new Request(input, init)),
    now: () => instance.clock.now(),
    ...(authorizedParties ? { authorizedParties } : {}),
  });
}

async function newUser(overrides: Parameters<typeof instance.store.createUser>[0] = {}) {
  return instance.store.createUser({
    firstName: "Ada",
    lastName: "Lovelace",
    publicMetadata: { role: "admin", plan: { tier: 2 } },
    emailAddresses: [{ emailAddress: `ada${Math.random()}@example.com`, status: "verified" }],
    ...overrides,
  });
}

async function newSession(userId?: string) {
  const id = userId ?? (await newUser()).id;
  const answer = await instance.call("POST", "/v1/sessions", { body: { user_id: id } });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe("POST /v1/sessions", () => {
  it("creates an active session on a new client, shaped as the spec's Session", async () => {
    const user = await newUser();
    const answer = await instance.call("POST", "/v1/sessions", { body: { user_id: user.id } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.body).toMatchObject({
      object: "session",
      user_id: user.id,
      status: "active",
      actor: null,
      last_active_organization_id: null,
      created_at: instance.clock.now(),
      expire_at: instance.clock.now() + 7 * 86_400_000,
      abandon_at: instance.clock.now() + 30 * 86_400_000,
    });
    expect(answer.body.id).toMatch(/^sess_/);
    expect(answer.body.client_id).toMatch(/^client_/);
    expectMatchesSpec(bapi, "Session", answer.body);
  });

  it("sets the active organization when given", async () => {
    const user = await newUser();
    const answer = await instance.call("POST", "/v1/sessions", {
      body: { user_id: user.id, active_organization_id: "org_1" },
    });
    expect(answer.body.last_active_organization_id).toBe("org_1");
  });

  it("answers form errors for bad bodies and 404 for unknown users", async () => {
    const missing = await instance.call("POST", "/v1/sessions", { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "user_id" },
    });
    const unknownParam = await instance.call("POST", "/v1/sessions", {
      body: { user_id: "user_x", color: "red" },
    });
    expect(unknownParam.body.errors[0].code).toBe("form_param_unknown");
    const unknown = await instance.call("POST", "/v1/sessions", { body: { user_id: "user_x" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({
      code: "resource_not_found",
      meta: { param_name: "user_id" },
    });
  });

  it("requires the secret key", async () => {
    for (const secretKey of [null, "sk_test_wrong"]) {
      const answer = await instance.call("POST", "/v1/sessions", {
        body: { user_id: "user_x" },
        secretKey,
      });
      expect(answer.status).toBe(401);
    }
  });
});

describe("GET /v1/sessions and /v1/sessions/{session_id}", () => {
  let userId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    userId = (await newUser()).id;
    for (let i = 0; i < 3; i += 1) {
      instance.clock.advance(1000);
      ids.push((await newSession(userId)).id);
    }
    await instance.call("POST", `/v1/sessions/${ids[0]}/revoke`);
  });

  it("gets a session by id, 404 for unknown ones", async () => {
    const answer = await instance.call("GET", `/v1/sessions/${ids[1]}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ object: "session", id: ids[1], user_id: userId });
    const unknown = await instance.call("GET", "/v1/sessions/sess_missing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].code).toBe("resource_not_found");
  });

  it("lists a user's sessions newest first as a bare array", async () => {
    const answer = await instance.call("GET", `/v1/sessions?user_id=${userId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.map((s: { id: string }) => s.id)).toEqual([...ids].reverse());
    for (const session of answer.body) expectMatchesSpec(bapi, "Session", session);
  });

  it("filters by status and pages with { data, total_count } when paginated", async () => {
    const active = await instance.call(
      "GET",
      `/v1/sessions?user_id=${userId}&status=active&paginated=true&limit=1&offset=1`,
    );
    expect(active.body).toEqual({
      data: [expect.objectContaining({ id: ids[1] })],
      total_count: 2,
    });
    const revoked = await instance.call("GET", `/v1/sessions?user_id=${userId}&status=revoked`);
    expect(revoked.body.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    const client = revoked.body[0].client_id;
    const byClient = await instance.call("GET", `/v1/sessions?client_id=${client}`);
    expect(byClient.body.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
  });

  it("refuses bad filters and paging", async () => {
    for (const query of ["status=sleeping", "limit=0", "limit=501", "offset=-1", "limit=abc"]) {
      const answer = await instance.call("GET", `/v1/sessions?user_id=${userId}&${query}`);
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].code).toBe("form_param_format_invalid");
    }
  });
});

describe("the Session object", () => {
  // The spec's required fields of Session, written out so the check runs without the spec.
  const REQUIRED = [
    "object",
    "id",
    "user_id",
    "client_id",
    "status",
    "last_active_at",
    "expire_at",
    "abandon_at",
    "updated_at",
    "created_at",
  ];

  it("has latest_activity (null: no activity is recorded) and every required field", async () => {
    const session = await newSession();
    const answers = [
      session,
      (await instance.call("GET", `/v1/sessions/${session.id}`)).body,
      (await instance.call("GET", `/v1/sessions?user_id=${session.user_id}`)).body[0],
      (await instance.call("POST", `/v1/sessions/${session.id}/revoke`)).body,
    ];
    for (const answer of answers) {
      expect(answer).toHaveProperty("latest_activity", null);
      for (const field of REQUIRED) expect(answer[field], field).toBeDefined();
      expect(answer.id).toBe(session.id);
    }
  });

  it("lists the spec's required fields of Session", skipWhen(bapi.skipReason), () => {
    const schema = bapi.document.components?.schemas?.Session;
    expect([...(schema?.required ?? [])].sort()).toEqual([...REQUIRED].sort());
    expect(Object.keys(schema?.properties ?? {})).toContain("latest_activity");
  });
});

describe("POST /v1/sessions/{session_id}/verify (deprecated)", () => {
  it("answers 410 use_verify_token, never a 404 that reads as a missing session", async () => {
    const session = await newSession();
    const { jwt } = (await instance.call("POST", `/v1/sessions/${session.id}/tokens`)).body;
    for (const [id, body] of [
      [session.id, { token: jwt }],
      ["sess_missing", { token: jwt }],
      [session.id, {}],
    ] as const) {
      const answer = await instance.call("POST", `/v1/sessions/${id}/verify`, { body });
      expect(answer.status).toBe(410);
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(answer.body.errors[0]).toMatchObject({ code: "use_verify_token" });
      expect(answer.body.errors[0].long_message).toContain("verifyToken");
      expect(JSON.stringify(answer.body)).not.toContain(jwt);
    }
    expect((await instance.store.getSession(session.id))?.status).toBe("active");
  });

  it("requires the secret key", async () => {
    const answer = await instance.call("POST", "/v1/sessions/sess_x/verify", {
      body: { token: "x" },
      secretKey: null,
    });
    expect(answer.status).toBe(401);
  });
});

describe("POST /v1/sessions/{session_id}/revoke", () => {
  it("revokes a session and answers it", async () => {
    const session = await newSession();
    const answer = await instance.call("POST", `/v1/sessions/${session.id}/revoke`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ object: "session", id: session.id, status: "revoked" });
    expectMatchesSpec(bapi, "Session", answer.body);
    const rows = await instance.store.getSession(session.id);
    expect(rows?.status).toBe("revoked");
  });

  it("answers 404 for unknown sessions", async () => {
    const answer = await instance.call("POST", "/v1/sessions/sess_missing/revoke");
    expect(answer.status).toBe(404);
  });
});

describe("POST /v1/sessions/{session_id}/tokens", () => {
  it("mints a v2 session token that @latchkey/backend verifies through the JWKS", async () => {
    const session = await newSession();
    const answer = await instance.call("POST", `/v1/sessions/${session.id}/tokens`, {
      headers: { Origin: "https://app.example.com" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ object: "token", jwt: expect.any(String) });
    expectMatchesSpec(bapi, "Token", answer.body);
    const { header } = decode(answer.body.jwt);
    const jwks = await instance.call("GET", "/v1/jwks");
    expect(header).toEqual({ alg: "RS256", kid: jwks.body.keys[0].kid, typ: "JWT" });
    const claims = await verify(answer.body.jwt, ["https://app.example.com"]);
    const iat = Math.floor(instance.clock.now() / 1000);
    expect(claims).toEqual({
      iss: `${instance.baseUrl}/__clerk`,
      sub: session.user_id,
      sid: session.id,
      azp: "https://app.example.com",
      iat,
      nbf: iat - 10,
      exp: iat + 60,
      v: 2,
      fva: [0, -1],
      sts: "active",
    });
  });

  it("takes expires_in_seconds and refuses values out of range", async () => {
    const session = await newSession();
    const answer = await instance.call("POST", `/v1/sessions/${session.id}/tokens`, {
      body: { expires_in_seconds: 3600 },
    });
    const { payload } = decode(answer.body.jwt);
    expect(payload.exp - payload.iat).toBe(3600);
    expect(payload).not.toHaveProperty("azp");
    for (const expires_in_seconds of [10, 315_360_001, "60"]) {
      const bad = await instance.call("POST", `/v1/sessions/${session.id}/tokens`, {
        body: { expires_in_seconds },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].meta.param_name).toBe("expires_in_seconds");
    }
  });

  it("produces tokens that expire: verification fails after the lifetime", async () => {
    const session = await newSession();
    const { body } = await instance.call("POST", `/v1/sessions/${session.id}/tokens`);
    instance.clock.advance(66_000);
    const error = await verify(body.jwt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect((error as TokenVerificationError).reason).toBe("token-expired");
  });

  it("refuses sessions that are not active, and users that are banned or locked", async () => {
    const revoked = await newSession();
    await instance.call("POST", `/v1/sessions/${revoked.id}/revoke`);
    const banned = await newSession();
    await instance.store.updateUser(banned.user_id, { banned: true });
    const locked = await newSession();
    await instance.store.updateUser(locked.user_id, { lock: { expiresAt: null } });
    for (const session of [revoked, banned, locked]) {
      const answer = await instance.call("POST", `/v1/sessions/${session.id}/tokens`);
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0].code).toBe("session_not_active");
    }
    const unknown = await instance.call("POST", "/v1/sessions/sess_missing/tokens");
    expect(unknown.status).toBe(404);
  });
});

describe("POST /v1/sessions/{session_id}/tokens/{template_name}", () => {
  it("mints a token with the template's rendered claims and the server's own claims", async () => {
    await instance.call("POST", "/v1/jwt_templates", {
      body: {
        name: "profile",
        claims: {
          email: "{{user.primary_email_address}}",
          name: "{{user.full_name}}",
          role: "{{user.public_metadata.role}}",
          plan: "{{user.public_metadata.plan}}",
          greeting: "Hello {{user.first_name}}!",
          org: "{{org.id}}",
        },
        lifetime: 300,
        allowed_clock_skew: 30,
      },
    });
    const user = await newUser();
    const session = await newSession(user.id);
    const answer = await instance.call("POST", `/v1/sessions/${session.id}/tokens/profile`, {
      headers: { Origin: "https://app.example.com" },
    });
    expect(answer.status).toBe(200);
    const claims = await verify(answer.body.jwt);
    const iat = Math.floor(instance.clock.now() / 1000);
    expect(claims).toEqual({
      email: user.emailAddresses[0]?.emailAddress,
      name: "Ada Lovelace",
      role: "admin",
      plan: { tier: 2 },
      greeting: "Hello Ada!",
      org: null,
      iss: `${instance.baseUrl}/__clerk`,
      sub: user.id,
      azp: "https://app.example.com",
      iat,
      nbf: iat - 30,
      exp: iat + 300,
      jti: expect.stringMatching(/^[0-9a-f]{20}$/),
    });
  });

  it("signs with the template's own HMAC key when it has one", async () => {
    const secret = "a-shared-secret-of-enough-length";
    await instance.call("POST", "/v1/jwt_templates", {
      body: {
        name: "hasura",
        claims: { uid: "{{user.id}}" },
        custom_signing_key: true,
        signing_algorithm: "HS256",
        signing_key: secret,
      },
    });
    const session = await newSession();
    const answer = await instance.call("POST", `/v1/sessions/${session.id}/tokens/hasura`, {
      body: { expires_in_seconds: 120 },
    });
    const [h, p, s] = answer.body.jwt.split(".");
    expect(decode(answer.body.jwt).header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(createHmac("sha256", secret).update(`${h}.${p}`).digest("base64url")).toBe(s);
    const { payload } = decode(answer.body.jwt);
    expect(payload.uid).toBe(session.user_id);
    expect(payload.exp - payload.iat).toBe(120);
  });

  it("answers 404 for unknown templates and sessions, 401 for inactive sessions", async () => {
    const session = await newSession();
    const noTemplate = await instance.call("POST", `/v1/sessions/${session.id}/tokens/nope`);
    expect(noTemplate.status).toBe(404);
    expect(noTemplate.body.errors[0].meta.param_name).toBe("template_name");
    const noSession = await instance.call("POST", "/v1/sessions/sess_missing/tokens/profile");
    expect(noSession.status).toBe(404);
    await instance.call("POST", `/v1/sessions/${session.id}/revoke`);
    const revoked = await instance.call("POST", `/v1/sessions/${session.id}/tokens/profile`);
    expect(revoked.status).toBe(401);
  });
});
