import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser } from "../frontend-flows.test-helpers.js";

type TestBrowserOf = Awaited<ReturnType<typeof signUpThroughBrowser>>;

describe("Frontend API: members managed from <OrganizationProfile/>", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };

  /** An organization made by `admin` through the Frontend API, with `member` added as org:member. */
  async function organizationWithMember(prefix: string) {
    const admin = await signUpThroughBrowser(instance, `${prefix}-admin@acme.test`);
    const member = await signUpThroughBrowser(instance, `${prefix}-member@acme.test`);
    const created = await admin.browser.call("POST", "/v1/organizations", {
      form: { name: prefix, slug: prefix },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const orgId = created.body.response.id as string;
    const added = await instance.call("POST", `/v1/organizations/${orgId}/memberships`, {
      body: { user_id: member.userId, role: "org:member" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    return { admin, member, orgId };
  }

  it("an admin changes a member's role and removes them; a member may do neither", async () => {
    const { admin, member, orgId } = await organizationWithMember("members");
    const path = `/v1/organizations/${orgId}/memberships/${member.userId}`;

    const refused = await member.browser.call(
      "PATCH",
      `/v1/organizations/${orgId}/memberships/${admin.userId}`,
      {
        form: { role: "org:member" },
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe("missing_organization_permission");

    const promoted = await admin.browser.call("PATCH", path, { form: { role: "org:admin" } });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body.response).toMatchObject({
      object: "organization_membership",
      role: "org:admin",
      public_user_data: { user_id: member.userId },
    });
    const unknownRole = await admin.browser.call("PATCH", path, { form: { role: "org:owner" } });
    expect(unknownRole.status).toBe(404);

    const removed = await admin.browser.call("DELETE", path);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.response.public_user_data.user_id).toBe(member.userId);
    const list = await instance.call("GET", `/v1/organizations/${orgId}/memberships`);
    expect(
      list.body.data.map(
        (m: { public_user_data: { user_id: string } }) => m.public_user_data.user_id,
      ),
    ).toEqual([admin.userId]);
    // No longer a member: the organization is as unknown to them as one that does not exist.
    expect((await member.browser.call("DELETE", path)).status).toBe(404);
  });

  it("an admin revokes a pending invitation; a member may not", async () => {
    const { admin, member, orgId } = await organizationWithMember("revoking");
    const invited = await admin.browser.call("POST", `/v1/organizations/${orgId}/invitations`, {
      form: { email_address: "invitee@acme.test", role: "org:member" },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    const path = `/v1/organizations/${orgId}/invitations/${invited.body.response.id}/revoke`;
    expect((await member.browser.call("POST", path)).status).toBe(403);
    const revoked = await admin.browser.call("POST", path);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.response).toMatchObject({
      object: "organization_invitation",
      status: "revoked",
    });
    expect((await admin.browser.call("POST", path)).status).toBe(400);
  });

  it("an admin invites several addresses at once (<CreateOrganization/>'s invite step), all or none", async () => {
    const { admin, member, orgId } = await organizationWithMember("bulk");
    const path = `/v1/organizations/${orgId}/invitations/bulk`;
    const invited = await admin.browser.call("POST", path, {
      form: { email_address: ["one@bulk.test", "two@bulk.test"], role: "org:member" },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(200);
    expect(
      invited.body.response.map((i: { email_address: string; status: string; role: string }) => [
        i.email_address,
        i.status,
        i.role,
      ]),
    ).toEqual([
      ["one@bulk.test", "pending", "org:member"],
      ["two@bulk.test", "pending", "org:member"],
    ]);
    checkShape("Client.ClientWrappedOrganizationInvitations", invited.body);
    // One address (a single form value) is a list of one.
    const single = await admin.browser.call("POST", path, {
      form: { email_address: "three@bulk.test", role: "org:admin" },
    });
    expect(single.status, JSON.stringify(single.body)).toBe(200);
    expect(single.body.response).toHaveLength(1);

    const pending = async () =>
      (await instance.call("GET", `/v1/organizations/${orgId}/invitations?status=pending`)).body
        .total_count as number;
    expect(await pending()).toBe(3);
    // All or none: an already-invited address, a repeated one, a malformed one, a member's own,
    // an unknown role, or a caller who is not an admin: nothing more is invited.
    const refusals: Array<[TestBrowserOf, Record<string, string | string[]>, number, string]> = [
      [
        admin,
        { email_address: ["four@bulk.test", "one@bulk.test"], role: "org:member" },
        400,
        "organization_invitation_not_unique",
      ],
      [
        admin,
        { email_address: ["five@bulk.test", "five@bulk.test"], role: "org:member" },
        400,
        "organization_invitation_not_unique",
      ],
      [
        admin,
        { email_address: ["six@bulk.test", "not-an-email"], role: "org:member" },
        422,
        "form_param_format_invalid",
      ],
      [
        admin,
        { email_address: ["seven@bulk.test", "bulk-member@acme.test"], role: "org:member" },
        400,
        "already_a_member_in_organization",
      ],
      [admin, { email_address: ["eight@bulk.test"], role: "org:owner" }, 404, "resource_not_found"],
      [admin, { role: "org:member" }, 422, "form_param_missing"],
      [
        member,
        { email_address: ["nine@bulk.test"], role: "org:member" },
        403,
        "missing_organization_permission",
      ],
    ];
    for (const [caller, form, status, code] of refusals) {
      const answer = await caller.browser.call("POST", path, { form });
      expect(answer.status, JSON.stringify(form)).toBe(status);
      expect(answer.body.errors[0].code, JSON.stringify(form)).toBe(code);
    }
    expect(await pending()).toBe(3);
  });

  it("a member leaves; only an admin deletes the organization", async () => {
    const { admin, member, orgId } = await organizationWithMember("leaving");

    expect((await member.browser.call("DELETE", `/v1/organizations/${orgId}`)).status).toBe(403);

    const left = await member.browser.call("DELETE", `/v1/me/organization_memberships/${orgId}`);
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.response).toMatchObject({ object: "organization_membership", deleted: true });
    expect(left.body.client.sessions[0].user.organization_memberships).toEqual([]);
    expect(
      (await member.browser.call("DELETE", `/v1/me/organization_memberships/${orgId}`)).status,
    ).toBe(404);

    const deleted = await admin.browser.call("DELETE", `/v1/organizations/${orgId}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.response).toEqual({ object: "organization", id: orgId, deleted: true });
    expect((await instance.call("GET", `/v1/organizations/${orgId}`)).status).toBe(404);
    expect((await admin.browser.call("DELETE", `/v1/organizations/${orgId}`)).status).toBe(404);
    expect((await instance.browser().call("DELETE", `/v1/organizations/${orgId}`)).status).toBe(
      401,
    );
  });
});
