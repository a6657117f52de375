import { sessionAuthProperties } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser, verifyWithInstanceJwks } from "../frontend-flows.test-helpers.js";

describe("Frontend API organizations of the signed-in user", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };

  it("create → memberships → active organization → invite → accept → member rights", async () => {
    const admin = await signUpThroughBrowser(instance, "admin@acme.test");
    const created = await admin.browser.call("POST", "/v1/organizations", {
      form: { name: "Acme", slug: "acme" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const org = created.body.response;
    expect(org).toMatchObject({ object: "organization", name: "Acme", slug: "acme" });
    expect(org.members_count).toBe(1);
    expect(org).not.toHaveProperty("private_metadata");
    checkShape("Client.ClientWrappedOrganization", created.body);
    const adminUser = created.body.client.sessions[0].user;
    expect(adminUser.organization_memberships).toHaveLength(1);
    expect(adminUser.organization_memberships[0]).toMatchObject({
      object: "organization_membership",
      role: "org:admin",
      organization: { id: org.id, slug: "acme" },
      public_user_data: { user_id: admin.userId, identifier: "admin@acme.test" },
    });
    checkShape(
      "Client.ClientWrappedUser",
      await admin.browser.call("GET", "/v1/me").then((a) => a.body),
    );

    const paged = await admin.browser.call(
      "GET",
      "/v1/me/organization_memberships?paginated=true&limit=10",
    );
    expect(paged.status).toBe(200);
    expect(paged.body.response.total_count).toBe(1);
    expect(paged.body.response.data[0].organization.id).toBe(org.id);
    checkShape("Client.ClientWrappedOrganizationMemberships", paged.body);
    const bare = await admin.browser.call("GET", "/v1/me/organization_memberships");
    expect(Array.isArray(bare.body.response)).toBe(true);

    const touched = await admin.browser.call(
      "POST",
      `/v1/client/sessions/${admin.sessionId}/touch`,
      { form: { active_organization_id: org.id } },
    );
    expect(touched.status).toBe(200);
    const claims = await verifyWithInstanceJwks(
      instance,
      admin.browser.cookies.get("__session") ?? "",
    );
    const auth = sessionAuthProperties(claims);
    expect(auth).toMatchObject({
      userId: admin.userId,
      orgId: org.id,
      orgRole: "org:admin",
      orgSlug: "acme",
    });
    expect(auth.orgPermissions).toContain("org:sys_memberships:manage");

    const invitee = await signUpThroughBrowser(instance, "new.member@acme.test");
    const invited = await admin.browser.call("POST", `/v1/organizations/${org.id}/invitations`, {
      form: { email_address: "new.member@acme.test", role: "org:member" },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    expect(invited.body.response).toMatchObject({
      object: "organization_invitation",
      status: "pending",
      role: "org:member",
      organization_id: org.id,
    });
    expect(invited.body.response).not.toHaveProperty("private_metadata");
    checkShape("Client.ClientWrappedOrganizationInvitation", invited.body);
    const duplicate = await admin.browser.call("POST", `/v1/organizations/${org.id}/invitations`, {
      form: { email_address: "new.member@acme.test", role: "org:member" },
    });
    expect(duplicate.body.errors[0].code).toBe("organization_invitation_not_unique");
    const pendingList = await admin.browser.call(
      "GET",
      `/v1/organizations/${org.id}/invitations?paginated=true&status=pending`,
    );
    expect(pendingList.body.response.total_count).toBe(1);
    checkShape("Client.ClientWrappedOrganizationInvitations", pendingList.body);

    // Someone else cannot accept it (it is not addressed to them): answered as not found.
    const outsider = await signUpThroughBrowser(instance, "outsider@elsewhere.test");
    const stolen = await outsider.browser.call(
      "POST",
      `/v1/me/organization_invitations/${invited.body.response.id}/accept`,
    );
    expect(stolen.status).toBe(404);

    const mine = await invitee.browser.call("GET", "/v1/me/organization_invitations");
    expect(mine.status).toBe(200);
    expect(mine.body.response.total_count).toBe(1);
    expect(mine.body.response.data[0]).toMatchObject({
      id: invited.body.response.id,
      public_organization_data: { id: org.id, name: "Acme", slug: "acme" },
    });
    checkShape("Client.ClientWrappedOrganizationInvitationsUserContext", mine.body);
    const accepted = await invitee.browser.call(
      "POST",
      `/v1/me/organization_invitations/${invited.body.response.id}/accept`,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.response.status).toBe("accepted");
    checkShape("Client.ClientWrappedOrganizationInvitationUserContext", accepted.body);
    expect(accepted.body.client.sessions[0].user.organization_memberships).toMatchObject([
      { role: "org:member", organization: { id: org.id } },
    ]);
    const twice = await invitee.browser.call(
      "POST",
      `/v1/me/organization_invitations/${invited.body.response.id}/accept`,
    );
    expect(twice.body.errors[0].code).toBe("organization_invitation_not_pending");

    // The member reads the organization and its members, but cannot invite or rename.
    const read = await invitee.browser.call("GET", `/v1/organizations/${org.id}`);
    expect(read.status).toBe(200);
    expect(read.body.response.members_count).toBe(2);
    const members = await invitee.browser.call(
      "GET",
      `/v1/organizations/${org.id}/memberships?paginated=true`,
    );
    expect(members.status).toBe(200);
    expect(members.body.response.total_count).toBe(2);
    checkShape("Client.ClientWrappedOrganizationMemberships", members.body);
    const memberInvite = await invitee.browser.call(
      "POST",
      `/v1/organizations/${org.id}/invitations`,
      { form: { email_address: "friend@acme.test", role: "org:admin" } },
    );
    expect(memberInvite.status).toBe(403);
    expect(memberInvite.body.errors[0].code).toBe("missing_organization_permission");
    const memberPatch = await invitee.browser.call("PATCH", `/v1/organizations/${org.id}`, {
      form: { name: "Taken over" },
    });
    expect(memberPatch.status).toBe(403);
    expect(memberPatch.body.errors[0].code).toBe("missing_organization_permission");
    const memberInvitations = await invitee.browser.call(
      "GET",
      `/v1/organizations/${org.id}/invitations`,
    );
    expect(memberInvitations.status).toBe(403);

    // Non-members learn nothing.
    expect((await outsider.browser.call("GET", `/v1/organizations/${org.id}`)).status).toBe(404);
    expect((await outsider.browser.call("GET", "/v1/organizations/acme")).status).toBe(404);
    const outsiderPatch = await outsider.browser.call("PATCH", `/v1/organizations/${org.id}`, {
      form: { name: "Mine now" },
    });
    expect(outsiderPatch.status).toBe(404);

    const renamed = await admin.browser.call("PATCH", `/v1/organizations/${org.id}`, {
      form: { name: "Acme Corp" },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.response).toMatchObject({ name: "Acme Corp", slug: "acme" });
    checkShape("Client.ClientWrappedOrganization", renamed.body);
    expect((await instance.call("GET", `/v1/organizations/${org.id}`)).body.name).toBe("Acme Corp");
    expect((await instance.browser().call("GET", `/v1/organizations/${org.id}`)).status).toBe(401);
  });

  it("validates organization input and respects the user's creation rights", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "creator@acme.test");
    const badSlug = await browser.call("POST", "/v1/organizations", {
      form: { name: "Bad", slug: "Not A Slug" },
    });
    expect(badSlug.status).toBe(422);
    expect(badSlug.body.errors[0].meta.param_name).toBe("slug");
    const missing = await browser.call("POST", "/v1/organizations", { form: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "name" },
    });
    const first = await browser.call("POST", "/v1/organizations", { form: { name: "First Org" } });
    expect(first.status).toBe(200);
    expect(first.body.response.slug).toBe("first-org");
    const taken = await browser.call("POST", "/v1/organizations", {
      form: { name: "Clash", slug: "first-org" },
    });
    expect(taken.body.errors[0].code).toBe("form_identifier_exists");

    await instance.call("PATCH", `/v1/users/${userId}`, {
      body: { create_organizations_limit: 1 },
    });
    const overLimit = await browser.call("POST", "/v1/organizations", { form: { name: "Second" } });
    expect(overLimit.status).toBe(403);
    expect(overLimit.body.errors[0].code).toBe("not_allowed_access");

    await instance.call("PATCH", `/v1/users/${userId}`, {
      body: { create_organizations_limit: 5, create_organization_enabled: false },
    });
    const disabled = await browser.call("POST", "/v1/organizations", { form: { name: "Third" } });
    expect(disabled.status).toBe(403);
    expect(disabled.body.errors[0].code).toBe("not_allowed_access");

    const invalidRole = await browser.call(
      "POST",
      `/v1/organizations/${first.body.response.id}/invitations`,
      { form: { email_address: "x@acme.test", role: "org:owner" } },
    );
    expect(invalidRole.status).toBe(404);
    expect(invalidRole.body.errors[0].meta.param_name).toBe("role");
    const invalidEmail = await browser.call(
      "POST",
      `/v1/organizations/${first.body.response.id}/invitations`,
      { form: { email_address: "not-an-email", role: "org:member" } },
    );
    expect(invalidEmail.status).toBe(422);
  });
});
