import { sessionAuthProperties, verifyToken } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../../test/test-instance.js";

describe("session tokens name the session's active organization", () => {
  const instance = useTestInstance();

  it("carries the o claim for a member, and drops it once the membership is gone", async () => {
    const user = await instance.call("POST", "/v1/users", {
      body: { email_address: ["org-owner@example.com"], skip_password_requirement: true },
    });
    const organization = await instance.call("POST", "/v1/organizations", {
      body: { name: "Acme", slug: "acme", created_by: user.body.id },
    });
    const session = await instance.call("POST", "/v1/sessions", {
      body: { user_id: user.body.id, active_organization_id: organization.body.id },
    });
    const jwks = await instance.call("GET", "/v1/jwks");
    const jwtKeyFetch = (async () =>
      new Response(JSON.stringify(jwks.body), {
        headers: { "Content-Type": "application/json" },
      })) as typeof fetch;
    const verify = (jwt: string) =>
      verifyToken(jwt, {
        secretKey: "sk_test_unused_here",
        apiUrl: "http://localhost",
        fetch: jwtKeyFetch,
        now: () => instance.clock.now(),
      });

    const token = await instance.call("POST", `/v1/sessions/${session.body.id}/tokens`);
    const auth = sessionAuthProperties(await verify(token.body.jwt));
    expect([auth.orgId, auth.orgSlug, auth.orgRole]).toEqual([
      organization.body.id,
      "acme",
      "org:admin",
    ]);
    expect(auth.orgPermissions).toContain("org:sys_memberships:manage");

    await instance.call(
      "DELETE",
      `/v1/organizations/${organization.body.id}/memberships/${user.body.id}`,
    );
    const after = await instance.call("POST", `/v1/sessions/${session.body.id}/tokens`);
    expect(sessionAuthProperties(await verify(after.body.jwt)).orgId).toBeUndefined();
  });
});
