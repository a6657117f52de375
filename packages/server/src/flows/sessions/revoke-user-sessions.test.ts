import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../../test/test-instance.js";

describe("banning a user", () => {
  const instance = useTestInstance();

  it("revokes every active session, so no token can be minted or renewed", async () => {
    const user = await instance.call("POST", "/v1/users", {
      body: { email_address: ["banned@example.com"], skip_password_requirement: true },
    });
    const first = await instance.call("POST", "/v1/sessions", { body: { user_id: user.body.id } });
    const second = await instance.call("POST", "/v1/sessions", { body: { user_id: user.body.id } });
    expect((await instance.call("POST", `/v1/users/${user.body.id}/ban`)).status).toBe(200);

    for (const session of [first.body, second.body]) {
      expect((await instance.call("GET", `/v1/sessions/${session.id}`)).body.status).toBe(
        "revoked",
      );
      const token = await instance.call("POST", `/v1/sessions/${session.id}/tokens`);
      expect(token.status).toBe(401);
      expect(token.body.errors[0]).toMatchObject({
        code: "session_not_active",
        meta: { session_status: "revoked" },
      });
      expect(token.body.jwt).toBeUndefined();
    }
  });
});
