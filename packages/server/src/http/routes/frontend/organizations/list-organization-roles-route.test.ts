import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser } from "../frontend-flows.test-helpers.js";

describe("Frontend API organization roles and domains", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };

  it("lists the roles to members, the (empty) domains to admins, nothing to outsiders", async () => {
    const admin = await signUpThroughBrowser(instance, "roles-admin@acme.test");
    const created = await admin.browser.call("POST", "/v1/organizations", {
      form: { name: "Roles", slug: "roles" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const orgId = created.body.response.id as string;

    const roles = await admin.browser.call("GET", `/v1/organizations/${orgId}/roles?limit=20`);
    expect(roles.status, JSON.stringify(roles.body)).toBe(200);
    expect(roles.body.response.total_count).toBe(2);
    expect(roles.body.response.has_role_set_migration).toBe(false);
    const [adminRole, memberRole] = roles.body.response.data;
    expect(adminRole).toMatchObject({
      object: "role",
      key: "org:admin",
      name: "Admin",
      is_creator_eligible: true,
    });
    expect(adminRole.permissions.map((p: { key: string }) => p.key)).toContain(
      "org:sys_memberships:manage",
    );
    expect(memberRole).toMatchObject({ key: "org:member", is_creator_eligible: false });
    checkShape("Client.ClientWrappedRoles", roles.body);
    const secondPage = await admin.browser.call(
      "GET",
      `/v1/organizations/${orgId}/roles?limit=1&offset=1`,
    );
    expect(secondPage.body.response.data.map((r: { key: string }) => r.key)).toEqual([
      "org:member",
    ]);

    const domains = await admin.browser.call("GET", `/v1/organizations/${orgId}/domains?limit=10`);
    expect(domains.status, JSON.stringify(domains.body)).toBe(200);
    expect(domains.body.response).toEqual({ data: [], total_count: 0 });
    checkShape("Client.ClientWrappedOrganizationDomains", domains.body);

    // A member (org:member) sees the roles but lacks org:sys_domains:read.
    const member = await signUpThroughBrowser(instance, "roles-member@acme.test");
    const added = await instance.call("POST", `/v1/organizations/${orgId}/memberships`, {
      body: { user_id: member.userId, role: "org:member" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect((await member.browser.call("GET", `/v1/organizations/${orgId}/roles`)).status).toBe(200);
    const memberDomains = await member.browser.call("GET", `/v1/organizations/${orgId}/domains`);
    expect(memberDomains.status).toBe(403);
    expect(memberDomains.body.errors[0].code).toBe("missing_organization_permission");

    // Someone outside the organization learns nothing, not even that it exists.
    const outsider = await signUpThroughBrowser(instance, "roles-outsider@acme.test");
    for (const path of ["roles", "domains"]) {
      const refused = await outsider.browser.call("GET", `/v1/organizations/${orgId}/${path}`);
      expect(refused.status).toBe(404);
      expect(refused.body.errors[0].code).toBe("resource_not_found");
    }
    expect((await instance.browser().call("GET", `/v1/organizations/${orgId}/roles`)).status).toBe(
      401,
    );
  });
});
