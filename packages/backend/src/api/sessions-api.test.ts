import { describe, expect, it } from "vitest";
import { ClerkAPIResponseError } from "../errors/clerk-api-response-error.js";
import {
  describeApiScenarios,
  describeEmptyIdChecks,
  TEST_SECRET_KEY,
} from "./api-scenarios.test-helpers.js";
import { createBackendApiClient } from "./create-backend-api-client.js";
import { createFakeFetch, jsonResponse } from "./fake-fetch.test-helpers.js";
import { page, sessionJson } from "./fixtures.test-helpers.js";
import type { PaginatedResourceResponse } from "./resources/paginated-list.js";
import type { Session } from "./resources/session.js";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2ln";

describeApiScenarios("sessions api", [
  {
    name: "getSessionList asks for a paginated list of a user's sessions",
    call: (api) =>
      api.sessions.getSessionList({ userId: "user_1", status: "active", limit: 5, offset: 10 }),
    expected: [
      {
        method: "GET",
        path: "/sessions",
        query: {
          user_id: "user_1",
          status: "active",
          limit: "5",
          offset: "10",
          paginated: "true",
        },
      },
    ],
    reply: () => page([sessionJson(), sessionJson({ id: "sess_2" })], 12),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<Session>;
      expect(totalCount).toBe(12);
      expect(data.map((s) => s.id)).toEqual(["sess_1", "sess_2"]);
      expect(data[0]).toMatchObject({ userId: "user_1", clientId: "client_1", status: "active" });
    },
  },
  {
    name: "getSessionList leaves falsy params out, as Clerk's SDK does",
    call: (api) => api.sessions.getSessionList({ clientId: "client_1", offset: 0 }),
    expected: [
      { method: "GET", path: "/sessions", query: { client_id: "client_1", paginated: "true" } },
    ],
    reply: () => page([]),
    check: (result) => expect(result).toEqual({ data: [], totalCount: 0 }),
  },
  {
    name: "getSessionList counts a bare array answer",
    call: (api) => api.sessions.getSessionList({ clientId: "client_1" }),
    expected: [
      { method: "GET", path: "/sessions", query: { client_id: "client_1", paginated: "true" } },
    ],
    reply: () => [sessionJson()],
    check: (result) => expect(result).toMatchObject({ totalCount: 1, data: [{ id: "sess_1" }] }),
  },
  {
    name: "getSession camelizes the session and keeps the actor's claims verbatim",
    call: (api) => api.sessions.getSession("sess_1"),
    expected: [{ method: "GET", path: "/sessions/sess_1" }],
    reply: () =>
      sessionJson({
        actor: { sub: "user_admin", acting_as: "support" },
        last_active_organization_id: "org_1",
        latest_activity: { object: "session_activity", id: "sess_act_1", is_mobile: false },
      }),
    check: (result) => {
      const session = result as Session;
      expect(session.actor).toEqual({ sub: "user_admin", acting_as: "support" });
      expect(session.lastActiveOrganizationId).toBe("org_1");
      expect(session.latestActivity).toMatchObject({ id: "sess_act_1", isMobile: false });
      expect(session.expireAt).toBe(1_767_225_600_000 + 604_800_000);
      expect(session.abandonAt).toBe(1_767_225_600_000 + 2_592_000_000);
    },
  },
  {
    name: "getSession accepts a null latest activity and a null actor",
    call: (api) => api.sessions.getSession("sess_1"),
    expected: [{ method: "GET", path: "/sessions/sess_1" }],
    reply: () => sessionJson({ actor: null, latest_activity: null }),
    check: (result) => expect(result).toMatchObject({ actor: null, latestActivity: null }),
  },
  {
    name: "createSession POSTs the user and active organization",
    call: (api) => api.sessions.createSession({ userId: "user_1", activeOrganizationId: "org_1" }),
    expected: [
      {
        method: "POST",
        path: "/sessions",
        body: { user_id: "user_1", active_organization_id: "org_1" },
      },
    ],
    reply: () => sessionJson({ last_active_organization_id: "org_1" }),
    check: (result) => expect((result as Session).lastActiveOrganizationId).toBe("org_1"),
  },
  {
    name: "revokeSession POSTs without a body",
    call: (api) => api.sessions.revokeSession("sess_1"),
    expected: [{ method: "POST", path: "/sessions/sess_1/revoke" }],
    reply: () => sessionJson({ status: "revoked" }),
    check: (result) => expect((result as Session).status).toBe("revoked"),
  },
  {
    name: "getToken without a template mints a session token, no body",
    call: (api) => api.sessions.getToken("sess_1"),
    expected: [{ method: "POST", path: "/sessions/sess_1/tokens" }],
    reply: () => ({ object: "token", jwt: JWT }),
    check: (result) => expect(result).toEqual({ jwt: JWT }),
  },
  {
    name: "getToken with a template uses the template path",
    call: (api) => api.sessions.getToken("sess_1", "supabase"),
    expected: [{ method: "POST", path: "/sessions/sess_1/tokens/supabase" }],
    reply: () => ({ object: "token", jwt: JWT }),
    check: (result) => expect(result).toEqual({ jwt: JWT }),
  },
  {
    name: "getToken with a lifetime sends expires_in_seconds",
    call: (api) => api.sessions.getToken("sess_1", "supabase", 120),
    expected: [
      {
        method: "POST",
        path: "/sessions/sess_1/tokens/supabase",
        body: { expires_in_seconds: 120 },
      },
    ],
    reply: () => ({ object: "token", jwt: JWT }),
  },
  {
    name: "getToken with a lifetime and no template",
    call: (api) => api.sessions.getToken("sess_1", undefined, 30),
    expected: [
      { method: "POST", path: "/sessions/sess_1/tokens", body: { expires_in_seconds: 30 } },
    ],
    reply: () => ({ object: "token", jwt: JWT }),
  },
  {
    name: "getToken encodes the template name",
    call: (api) => api.sessions.getToken("sess_1", "my template/v2"),
    expected: [{ method: "POST", path: "/sessions/sess_1/tokens/my%20template%2Fv2" }],
    reply: () => ({ object: "token", jwt: JWT }),
  },
]);

// `POST /sessions/{id}/verify` is not in the spec, so it is tested here, not as a scenario.
describe("sessions api: verifySession (deprecated)", () => {
  it("POSTs the token to /sessions/{id}/verify and reads a session", async () => {
    const fake = createFakeFetch(() => jsonResponse(sessionJson()));
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    const session = await api.sessions.verifySession("sess_1", JWT);
    expect(session).toMatchObject({ id: "sess_1", userId: "user_1" });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      method: "POST",
      path: "/sessions/sess_1/verify",
      json: { token: JWT },
    });
  });

  it("surfaces the instance's 410 use_verify_token as a ClerkAPIResponseError", async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(
        {
          errors: [
            { code: "use_verify_token", message: "Use verifyToken", long_message: "…", meta: {} },
          ],
          clerk_trace_id: "trace_1",
        },
        { status: 410 },
      ),
    );
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    const error = await api.sessions.verifySession("sess_1", JWT).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ClerkAPIResponseError);
    expect(error).toMatchObject({ status: 410, errors: [{ code: "use_verify_token" }] });
    expect(String((error as Error).message)).not.toContain(JWT);
    expect(fake.calls).toHaveLength(1);
  });
});

describeEmptyIdChecks("sessions api", {
  getSession: (api) => api.sessions.getSession(""),
  revokeSession: (api) => api.sessions.revokeSession(""),
  verifySession: (api) => api.sessions.verifySession("", JWT),
  getToken: (api) => api.sessions.getToken("", "supabase"),
});
