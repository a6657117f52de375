import { expect } from "vitest";
import { describeApiScenarios, describeEmptyIdChecks } from "./api-scenarios.test-helpers.js";
import { clientJson, sessionJson } from "./fixtures.test-helpers.js";
import type { Client } from "./resources/client.js";

describeApiScenarios("clients api", [
  {
    name: "getClient camelizes the client and its sessions",
    call: (api) => api.clients.getClient("client_1"),
    expected: [{ method: "GET", path: "/clients/client_1" }],
    reply: () =>
      clientJson({
        session_ids: ["sess_1", "sess_2"],
        sessions: [sessionJson(), sessionJson({ id: "sess_2", status: "ended" })],
        last_authentication_strategy: "email_code",
      }),
    check: (result) => {
      const client = result as Client;
      expect(client.id).toBe("client_1");
      expect(client.sessionIds).toEqual(["sess_1", "sess_2"]);
      expect(client.sessions.map((s) => [s.id, s.status])).toEqual([
        ["sess_1", "active"],
        ["sess_2", "ended"],
      ]);
      expect(client.sessions[0]?.userId).toBe("user_1");
      expect(client.lastActiveSessionId).toBe("sess_1");
      expect(client.signInId).toBeNull();
      expect(client.signUpId).toBeNull();
      expect(client).toHaveProperty("lastAuthenticationStrategy", "email_code");
    },
  },
  {
    name: "getClient encodes the id",
    call: (api) => api.clients.getClient("client 1"),
    expected: [{ method: "GET", path: "/clients/client%201" }],
    reply: () => clientJson({ id: "client 1" }),
  },
]);

describeEmptyIdChecks("clients api", {
  getClient: (api) => api.clients.getClient(""),
});
