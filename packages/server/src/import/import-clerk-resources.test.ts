import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { useTestStore } from "../store/test-databases.test-helpers.js";
import { createClerkApiReader } from "./clerk-api-reader.js";
import { importClerkResources, readClerkResources } from "./import-clerk-resources.js";
import { importClerkUsers } from "./import-clerk-users.js";

describe("latchkey import clerk --from-api: organizations, memberships and JWT templates, ids kept", () => {
  const clerk = useTestInstance({ overHttp: true });
  const here = useTestStore();

  it("reads them from the Backend API, writes them after the users, and a re-run changes nothing", async () => {
    const user = async (email: string) =>
      (await clerk.call("POST", "/v1/users", { body: { email_address: [email] } })).body
        .id as string;
    const ada = await user("ada@example.com");
    const bob = await user("bob@example.com");
    const org = await clerk.call("POST", "/v1/organizations", {
      body: {
        name: "Acme",
        slug: "acme",
        created_by: ada,
        public_metadata: { tier: "gold" },
        max_allowed_memberships: 5,
      },
    });
    expect(org.status, JSON.stringify(org.body)).toBe(200);
    // A custom role with a custom permission, held by Bob and offered by the invitation.
    const permission = await clerk.call("POST", "/v1/organization_permissions", {
      body: { name: "Manage invoices", key: "org:invoices:manage" },
    });
    expect(permission.status, JSON.stringify(permission.body)).toBe(200);
    const role = await clerk.call("POST", "/v1/organization_roles", {
      body: {
        name: "Billing",
        key: "org:billing",
        description: "Pays the bills",
        permissions: [permission.body.id, "perm_org_sys_memberships_read"],
      },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(200);
    const membership = await clerk.call("POST", `/v1/organizations/${org.body.id}/memberships`, {
      body: { user_id: bob, role: "org:billing" },
    });
    expect(membership.status, JSON.stringify(membership.body)).toBe(200);
    const template = await clerk.call("POST", "/v1/jwt_templates", {
      body: {
        name: "supabase",
        claims: { aud: "authenticated", email: "{{user.primary_email_address}}" },
        lifetime: 120,
      },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(200);
    const invitation = await clerk.call("POST", "/v1/invitations", {
      body: {
        email_address: "invited@example.com",
        public_metadata: { plan: "trial" },
        notify: false,
      },
    });
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(200);
    const orgInvitation = await clerk.call("POST", `/v1/organizations/${org.body.id}/invitations`, {
      body: {
        email_address: "joining@example.com",
        role: "org:billing",
        inviter_user_id: ada,
        notify: false,
      },
    });
    expect(orgInvitation.status, JSON.stringify(orgInvitation.body)).toBe(200);

    const api = createClerkApiReader({ apiUrl: clerk.baseUrl, secretKey: TEST_SECRET_KEY });
    await importClerkUsers({ store: here.store, apiUsers: await api.list("/users") });
    const resources = await readClerkResources(api);
    const report = await importClerkResources(here.store, resources);
    expect(report).toEqual({
      // org:admin and org:member are here already, as they are there.
      roles: { created: 1, updated: 0, unchanged: 2, refused: [] },
      organizations: { created: 1, updated: 0, unchanged: 0, refused: [] },
      // The creator's admin membership and Bob's.
      memberships: { created: 2, updated: 0, unchanged: 0, refused: [] },
      jwtTemplates: { created: 1, updated: 0, unchanged: 0, refused: [] },
      invitations: { created: 1, updated: 0, unchanged: 0, refused: [] },
      organizationInvitations: { created: 1, updated: 0, unchanged: 0, refused: [] },
    });
    expect(
      await here.db.query("SELECT id, email_address, status, public_metadata FROM invitations"),
    ).toEqual([
      {
        id: invitation.body.id,
        email_address: "invited@example.com",
        status: "pending",
        public_metadata: { plan: "trial" },
      },
    ]);
    expect(
      await here.db.query("SELECT id, organization_id, role, status FROM organization_invitations"),
    ).toEqual([
      {
        id: orgInvitation.body.id,
        organization_id: org.body.id,
        role: "org:billing",
        status: "pending",
      },
    ]);

    const [orgRow] = await here.db.query("SELECT * FROM organizations");
    expect(orgRow).toMatchObject({
      id: org.body.id,
      name: "Acme",
      slug: "acme",
      created_by: ada,
      max_allowed_memberships: 5,
      public_metadata: { tier: "gold" },
    });
    const members = await here.db.query(
      "SELECT id, user_id, role FROM organization_memberships ORDER BY role",
    );
    expect(members).toEqual([
      { id: expect.stringMatching(/^orgmem_/), user_id: ada, role: "org:admin" },
      { id: membership.body.id, user_id: bob, role: "org:billing" },
    ]);
    // The role kept its key, name and permissions; Bob's membership grants them.
    const imported = await here.store.getOrganizationRoleByKey("org:billing");
    expect(imported).toMatchObject({
      name: "Billing",
      description: "Pays the bills",
      system: false,
    });
    expect(imported?.permissions.map((p) => [p.key, p.type])).toEqual([
      ["org:sys_memberships:read", "system"],
      ["org:invoices:manage", "user"],
    ]);
    expect((await here.store.getOrganizationMembership(org.body.id, bob))?.permissions).toEqual([
      "org:sys_memberships:read",
      "org:invoices:manage",
    ]);
    const [templateRow] = await here.db.query(
      "SELECT id, name, claims, lifetime FROM jwt_templates",
    );
    expect(templateRow).toEqual({
      id: template.body.id,
      name: "supabase",
      claims: { aud: "authenticated", email: "{{user.primary_email_address}}" },
      lifetime: 120,
    });

    const again = await importClerkResources(here.store, await readClerkResources(api));
    expect(again.roles).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.organizations).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.memberships).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.jwtTemplates).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.invitations).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.organizationInvitations).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it("refuses what cannot be kept: unknown roles, missing users, taken slugs, custom signing keys", async () => {
    await here.db.query(
      "INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES ('org_local', 'Local', 'taken', 1, 1)",
    );
    // Without the source's roles (an export, not --from-api), a role made here is accepted.
    await here.store.insertOrganizationRole({
      key: "org:support",
      name: "Support",
      description: null,
      permissionIds: [],
    });
    await importClerkUsers({
      store: here.store,
      apiUsers: [{ id: "user_1", email_addresses: [], phone_numbers: [], created_at: 1 }],
    });
    const report = await importClerkResources(here.store, {
      organizations: [
        { id: "org_a", name: "A", slug: "taken", created_at: 1 },
        { id: "org_b", name: "B", slug: "bee", created_at: 1 },
        { id: "nope", name: "C", slug: "c", created_at: 1 },
      ],
      memberships: [
        {
          id: "orgmem_1",
          role: "org:billing",
          organization: { id: "org_b" },
          public_user_data: { user_id: "user_1" },
          created_at: 1,
        },
        {
          id: "orgmem_2",
          role: "org:member",
          organization: { id: "org_b" },
          public_user_data: { user_id: "user_gone" },
          created_at: 1,
        },
        {
          id: "orgmem_3",
          role: "org:support",
          organization: { id: "org_b" },
          public_user_data: { user_id: "user_1" },
          created_at: 1,
        },
      ],
      jwtTemplates: [
        {
          id: "jtmp_1",
          name: "signed",
          claims: {},
          lifetime: 60,
          allowed_clock_skew: 5,
          custom_signing_key: true,
          created_at: 1,
        },
      ],
    });
    expect(report.organizations).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      refused: [
        { id: "nope", code: "invalid" },
        { id: "org_a", code: "slug_taken" },
      ],
    });
    expect(report.memberships.created).toBe(1);
    expect(report.memberships.refused).toEqual([
      { id: "orgmem_1", code: "role_unknown" },
      { id: "orgmem_2", code: "user_missing" },
    ]);
    expect(report.jwtTemplates.refused).toEqual([
      { id: "jtmp_1", code: "signing_key_not_exported" },
    ]);
  });
});
