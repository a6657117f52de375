import { sessionAuthProperties, verifyToken } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");
const instance = useTestInstance();

let counter = 0;
const unique = (prefix: string) => {
  counter += 1;
  return `${prefix}_${counter}`;
};

async function createPermission(key = `org:${unique("feature")}:manage`) {
  const answer = await instance.call("POST", "/v1/organization_permissions", {
    body: { name: "Custom", key, description: "A custom permission" },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { id: string; key: string };
}

async function createRole(body: Record<string, unknown> = {}) {
  return instance.call("POST", "/v1/organization_roles", {
    body: { name: "Billing", key: `org:${unique("billing")}`, ...body },
  });
}

/** A user, an organization they created (admin) and a second user, for memberships. */
async function organizationWithMembers() {
  const user = async () =>
    (
      await instance.call("POST", "/v1/users", {
        body: { email_address: [`${unique("user")}@example.com`] },
      })
    ).body.id as string;
  const owner = await user();
  const member = await user();
  const organization = await instance.call("POST", "/v1/organizations", {
    body: { name: "Acme", created_by: owner },
  });
  return { owner, member, organizationId: organization.body.id as string };
}

describe("GET /v1/organization_roles and /v1/organization_permissions", () => {
  it("list the system roles with their permissions, shaped as the spec's Roles and Permissions", async () => {
    const roles = await instance.call("GET", "/v1/organization_roles?order_by=%2Bcreated_at");
    expect(roles.status).toBe(200);
    expectMatchesSpec(bapi, "Roles", roles.body);
    const [admin, member] = roles.body.data;
    expect(admin).toMatchObject({
      object: "role",
      id: "role_org_admin",
      key: "org:admin",
      name: "Admin",
      is_creator_eligible: true,
    });
    expect(admin.permissions.map((p: { key: string }) => p.key)).toContain(
      "org:sys_memberships:manage",
    );
    expect(member).toMatchObject({ key: "org:member", is_creator_eligible: false });
    expect(member.permissions).toEqual([
      expect.objectContaining({ object: "permission", key: "org:sys_memberships:read" }),
    ]);
    const permissions = await instance.call("GET", "/v1/organization_permissions?limit=500");
    expectMatchesSpec(bapi, "Permissions", permissions.body);
    expect(permissions.body.total_count).toBeGreaterThanOrEqual(6);
    const found = await instance.call("GET", "/v1/organization_roles?query=memb");
    expect(found.body.data.map((r: { key: string }) => r.key)).toContain("org:member");
    const bad = await instance.call("GET", "/v1/organization_roles?order_by=color");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "order_by" },
    });
  });

  it("require the secret key", async () => {
    const answer = await instance.call("GET", "/v1/organization_roles", { secretKey: null });
    expect(answer.status).toBe(401);
  });
});

describe("POST /v1/organization_roles", () => {
  it("creates a role with custom and system permissions, shaped as the spec's Role", async () => {
    const permission = await createPermission();
    const key = `org:${unique("support")}`;
    const answer = await createRole({
      key,
      name: "Support",
      description: "Answers tickets",
      permissions: [permission.id, "perm_org_sys_memberships_read"],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectMatchesSpec(bapi, "Role", answer.body);
    expect(answer.body).toMatchObject({
      object: "role",
      id: expect.stringMatching(/^role_/),
      key,
      name: "Support",
      description: "Answers tickets",
      is_creator_eligible: false,
      created_at: instance.clock.now(),
    });
    // Listed in the order the permissions were made: the system one first.
    expect(answer.body.permissions.map((p: { key: string }) => p.key)).toEqual([
      "org:sys_memberships:read",
      permission.key,
    ]);
    const got = await instance.call("GET", `/v1/organization_roles/${answer.body.id}`);
    expect(got.body).toEqual(answer.body);
  });

  it("refuses bad input with coded errors", async () => {
    const taken = (await createRole()).body.key;
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ key: taken }, 422, "form_identifier_exists", "key"],
      [{ key: "org:admin" }, 422, "form_identifier_exists", "key"],
      [{ key: "billing" }, 422, "form_param_format_invalid", "key"],
      [{ key: "org:Billing" }, 422, "form_param_format_invalid", "key"],
      [{ name: "" }, 422, "form_param_format_invalid", "name"],
      [{ permissions: ["perm_missing"] }, 404, "resource_not_found", "permissions"],
      [{ color: "red" }, 422, "form_param_unknown", "color"],
    ];
    for (const [body, status, code, param] of cases) {
      const answer = await createRole(body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
    const missing = await instance.call("POST", "/v1/organization_roles", {
      body: { name: "No key" },
    });
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "key" },
    });
  });

  it("refuses permission keys of the wrong form or under org:sys_", async () => {
    for (const [key, code] of [
      ["org:invoices", "form_param_format_invalid"],
      ["org:sys_billing:read", "form_param_value_invalid"],
    ] as const) {
      const answer = await instance.call("POST", "/v1/organization_permissions", {
        body: { name: "Bad", key },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0]).toMatchObject({ code, meta: { param_name: "key" } });
    }
  });
});

describe("memberships, invitations and session tokens use the role's permissions", () => {
  it("a member with a custom role gets its name and permissions, in answers and in the token", async () => {
    const permission = await createPermission();
    const role = (await createRole({ name: "Billing", permissions: [permission.id] })).body;
    const { member, organizationId } = await organizationWithMembers();
    const membership = await instance.call(
      "POST",
      `/v1/organizations/${organizationId}/memberships`,
      { body: { user_id: member, role: role.key } },
    );
    expect(membership.status, JSON.stringify(membership.body)).toBe(200);
    expect(membership.body).toMatchObject({
      role: role.key,
      role_name: "Billing",
      permissions: [permission.key],
    });
    const invitation = await instance.call(
      "POST",
      `/v1/organizations/${organizationId}/invitations`,
      { body: { email_address: `${unique("invitee")}@example.com`, role: role.key } },
    );
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(200);
    expect(invitation.body).toMatchObject({ role: role.key, role_name: "Billing" });

    const session = await instance.call("POST", "/v1/sessions", {
      body: { user_id: member, active_organization_id: organizationId },
    });
    const jwks = await instance.call("GET", "/v1/jwks");
    const claims = async () => {
      const token = await instance.call("POST", `/v1/sessions/${session.body.id}/tokens`);
      return sessionAuthProperties(
        await verifyToken(token.body.jwt, {
          secretKey: "sk_test_unused_here",
          apiUrl: "http://localhost",
          fetch: (async () =>
            new Response(JSON.stringify(jwks.body), {
              headers: { "Content-Type": "application/json" },
            })) as typeof fetch,
          now: () => instance.clock.now(),
        }),
      );
    };
    const before = await claims();
    expect([before.orgRole, before.orgPermissions]).toEqual([role.key, [permission.key]]);

    // New permissions reach the next token; a new key reaches the membership and the token.
    const newKey = `org:${unique("finance")}`;
    const patched = await instance.call("PATCH", `/v1/organization_roles/${role.id}`, {
      body: { key: newKey, permissions: [permission.id, "perm_org_sys_memberships_read"] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expectMatchesSpec(bapi, "Role", patched.body);
    const after = await claims();
    expect(after.orgRole).toBe(newKey);
    expect([...(after.orgPermissions ?? [])].sort()).toEqual(
      [permission.key, "org:sys_memberships:read"].sort(),
    );

    const unknown = await instance.call("POST", `/v1/organizations/${organizationId}/memberships`, {
      body: { user_id: (await organizationWithMembers()).member, role: "org:nobody" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({
      code: "resource_not_found",
      meta: { param_name: "role" },
    });
  });
});

describe("PATCH and DELETE /v1/organization_roles/{organization_role_id}", () => {
  it("a role in use cannot be deleted; once unused it can", async () => {
    const role = (await createRole()).body;
    const { member, organizationId } = await organizationWithMembers();
    await instance.call("POST", `/v1/organizations/${organizationId}/memberships`, {
      body: { user_id: member, role: role.key },
    });
    const refused = await instance.call("DELETE", `/v1/organization_roles/${role.id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: "organization_role_in_use",
      meta: { param_name: "organization_role_id" },
    });
    await instance.call("PATCH", `/v1/organizations/${organizationId}/memberships/${member}`, {
      body: { role: "org:member" },
    });
    // A pending invitation offering it holds it too.
    const invitation = await instance.call(
      "POST",
      `/v1/organizations/${organizationId}/invitations`,
      { body: { email_address: `${unique("invitee")}@example.com`, role: role.key } },
    );
    expect(
      (await instance.call("DELETE", `/v1/organization_roles/${role.id}`)).body.errors[0].code,
    ).toBe("organization_role_in_use");
    await instance.call(
      "POST",
      `/v1/organizations/${organizationId}/invitations/${invitation.body.id}/revoke`,
      { body: {} },
    );
    const deleted = await instance.call("DELETE", `/v1/organization_roles/${role.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toEqual({ object: "role", id: role.id, deleted: true });
    expectMatchesSpec(bapi, "DeletedObject", deleted.body);
    expect((await instance.call("GET", `/v1/organization_roles/${role.id}`)).status).toBe(404);
  });

  it("system roles stay: never deleted, keys fixed; their name may change", async () => {
    for (const id of ["role_org_admin", "role_org_member"]) {
      const deleted = await instance.call("DELETE", `/v1/organization_roles/${id}`);
      expect(deleted.status).toBe(422);
      expect(deleted.body.errors[0].code).toBe("organization_system_role_protected");
      const rekeyed = await instance.call("PATCH", `/v1/organization_roles/${id}`, {
        body: { key: "org:boss" },
      });
      expect(rekeyed.body.errors[0].code).toBe("organization_system_role_protected");
    }
    const renamed = await instance.call("PATCH", "/v1/organization_roles/role_org_member", {
      body: { name: "Member", key: "org:member", description: "Everyone else" },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ key: "org:member", description: "Everyone else" });
  });

  it("refuses taken keys, unknown permissions and unknown roles", async () => {
    const a = (await createRole()).body;
    const b = (await createRole()).body;
    const taken = await instance.call("PATCH", `/v1/organization_roles/${a.id}`, {
      body: { key: b.key },
    });
    expect(taken.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "key" },
    });
    const unknownPermission = await instance.call("PATCH", `/v1/organization_roles/${a.id}`, {
      body: { permissions: ["perm_missing"] },
    });
    expect(unknownPermission.status).toBe(404);
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const answer = await instance.call(method, "/v1/organization_roles/role_missing", {
        ...(method === "PATCH" ? { body: { name: "x" } } : {}),
      });
      expect(answer.status, method).toBe(404);
      expect(answer.body.errors[0].code).toBe("resource_not_found");
    }
  });
});
