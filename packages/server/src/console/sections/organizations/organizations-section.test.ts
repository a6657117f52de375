import { beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, consoleBrowser } from "../../../../test/console-browser.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import type { ConsoleApi } from "../../console-api.js";
import {
  apiRefusal,
  lastAudit,
  outboxCount,
  outboxTotal,
  postAndFollow,
} from "../../console-section.test-helpers.js";
import { TEST_CONSOLE_FACTS } from "../../console-test-facts.test-helpers.js";
import { DEFAULT_ROLE_CHOICES, loadRoleChoices } from "./organization-role-choices.js";

const ACTOR = "Olga Org (secret key)";

describe("console organizations section", () => {
  const instance = useTestInstance({ console: { facts: TEST_CONSOLE_FACTS } });
  let browser: ConsoleBrowser;
  let creator: string;
  let member: string;

  const createUser = async (email: string) =>
    (await instance.call("POST", "/v1/users", { body: { email_address: [email] } })).body
      .id as string;
  const createOrganization = async (name: string) =>
    (await instance.call("POST", "/v1/organizations", { body: { name } })).body.id as string;
  const orgPage = (id: string) => `/console/organizations/${id}`;

  beforeAll(async () => {
    creator = await createUser("creator@example.com");
    member = await createUser("member@example.com");
    for (let i = 1; i <= 26; i += 1) await createOrganization(`Paged ${i}`);
    await createOrganization("Acme Rockets");
    browser = consoleBrowser(instance);
    await browser.signIn(undefined, "Olga Org");
  });

  it("lists organizations with search and paging", async () => {
    const acme = await browser.get("/console/organizations?q=acme");
    expect(acme.status).toBe(200);
    expect(acme.html).toContain("Acme Rockets");
    expect(acme.html).not.toContain("Paged 1<");
    expect(acme.html).toContain('<th scope="col">Members</th>');
    const first = await browser.get("/console/organizations?q=Paged");
    expect(first.html).toContain("Showing 1–25 of 26");
    expect(first.html).toContain('rel="next"');
    const second = await browser.get("/console/organizations?q=Paged&page=2");
    expect(second.html).toContain("Showing 26–26 of 26");
    expect(second.html).toContain('rel="prev"');
    expect((await browser.get("/console/organizations?q=nothing-like-it")).html).toContain(
      "No organizations match.",
    );
  });

  it("creates an organization through the API, with its event and audit line", async () => {
    expect((await browser.get("/console/organizations/new")).html).toContain('for="created_by"');
    const created = await browser.post("/console/organizations/new", {
      name: "Globex",
      slug: "globex",
      created_by: creator,
    });
    expect(created.status).toBe(303);
    const id = created.location?.split("/").pop() ?? "";
    const org = await instance.call("GET", `/v1/organizations/${id}`);
    expect(org.body).toMatchObject({ name: "Globex", slug: "globex", created_by: creator });
    const members = await instance.call("GET", `/v1/organizations/${id}/memberships`);
    expect(members.body.data[0]).toMatchObject({ role: "org:admin" });
    expect(await outboxCount(instance, "organization.created", id)).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization.create",
      targetId: id,
    });
    const page = await browser.get(created.location ?? "");
    expect(page.html).toContain("Organization created.");
    expect(page.html).toContain("<h1>Globex</h1>");
  });

  it("refuses a bad organization with the API's message and creates nothing", async () => {
    const before = (await instance.call("GET", "/v1/organizations?limit=1")).body.total_count;
    const events = await outboxTotal(instance);
    for (const form of [
      { name: "  ", slug: "", created_by: "" },
      { name: "Dup", slug: "globex", created_by: "" },
      { name: "Nobody's", slug: "", created_by: "user_missing" },
    ]) {
      const body = {
        name: form.name,
        ...(form.slug ? { slug: form.slug } : {}),
        ...(form.created_by ? { created_by: form.created_by } : {}),
      };
      const message = await apiRefusal(instance, "POST", "/v1/organizations", body);
      const answer = await browser.post("/console/organizations/new", form);
      expect(answer.status).toBe(422);
      expect(answer.html).toContain(message);
    }
    expect((await instance.call("GET", "/v1/organizations?limit=1")).body.total_count).toBe(before);
    expect(await outboxTotal(instance)).toBe(events);
  });

  it("adds a member, changes the role, removes the member", async () => {
    const id = await createOrganization("Members Inc");
    const page = await browser.get(orgPage(id));
    // Role choices: the instance's roles, or the default admin and member roles.
    expect(page.html).toContain('value="org:admin"');
    expect(page.html).toContain('value="org:member"');
    expect(page.html).toContain('<label for="member-user-id">User id</label>');

    const added = await postAndFollow(browser, `${orgPage(id)}/members`, {
      user_id: member,
      role: "org:member",
    });
    expect(added.page.html).toContain("Member added.");
    expect(added.page.html).toContain("member@example.com");
    const membership = () =>
      instance.call("GET", `/v1/organizations/${id}/memberships?user_id=${member}`);
    expect((await membership()).body.data[0].role).toBe("org:member");
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization_membership.create",
      targetId: id,
      detail: { user_id: member, role: "org:member" },
    });
    const membershipEvents = (type: string) =>
      instance.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_outbox WHERE event_type = $1
           AND payload->'data'->'organization'->>'id' = $2
           AND payload->'data'->'public_user_data'->>'user_id' = $3`,
        [type, id, member],
      );
    expect((await membershipEvents("organizationMembership.created"))[0]?.n).toBe(1);

    await postAndFollow(browser, `${orgPage(id)}/members/${member}/role`, { role: "org:admin" });
    expect((await membership()).body.data[0].role).toBe("org:admin");
    expect((await membershipEvents("organizationMembership.updated"))[0]?.n).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      action: "organization_membership.update",
      detail: { user_id: member, role: "org:admin" },
    });

    // An unknown role is refused with the API's message; the role stays.
    const message = await apiRefusal(
      instance,
      "PATCH",
      `/v1/organizations/${id}/memberships/${member}`,
      { role: "org:nope" },
    );
    const refused = await postAndFollow(browser, `${orgPage(id)}/members/${member}/role`, {
      role: "org:nope",
    });
    expect(refused.page.html).toContain(message);
    expect((await membership()).body.data[0].role).toBe("org:admin");
    // Adding an unknown user is refused too.
    const noUser = await apiRefusal(instance, "POST", `/v1/organizations/${id}/memberships`, {
      user_id: "user_missing",
      role: "org:member",
    });
    const refusedAdd = await postAndFollow(browser, `${orgPage(id)}/members`, {
      user_id: "user_missing",
      role: "org:member",
    });
    expect(refusedAdd.page.html).toContain(noUser);

    await postAndFollow(browser, `${orgPage(id)}/members/${member}/remove`);
    expect((await membership()).body.data).toEqual([]);
    expect((await membershipEvents("organizationMembership.deleted"))[0]?.n).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization_membership.delete",
    });
  });

  it("offers the instance's roles, custom ones included", async () => {
    const role = await instance.call("POST", "/v1/organization_roles", {
      body: { key: "org:billing", name: "Billing" },
    });
    expect(role.status).toBe(200);
    const id = await createOrganization("Roles Unlimited");
    const page = await browser.get(orgPage(id));
    expect(page.html).toContain('<option value="org:billing">Billing (org:billing)</option>');
    expect(page.html).toContain('value="org:admin"');
  });

  it("sends and revokes invitations, listed with their status", async () => {
    const id = await createOrganization("Invites Ltd");
    const sent = await postAndFollow(browser, `${orgPage(id)}/invitations`, {
      email_address: "invitee@example.com",
      role: "org:member",
    });
    expect(sent.page.html).toContain("Invitation created for invitee@example.com.");
    const list = await instance.call("GET", `/v1/organizations/${id}/invitations`);
    const invitation = list.body.data[0];
    expect(invitation).toMatchObject({ email_address: "invitee@example.com", status: "pending" });
    expect(await outboxCount(instance, "organizationInvitation.created", invitation.id)).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization_invitation.create",
      targetId: id,
    });
    expect(sent.page.html).toContain(`/invitations/${invitation.id}/revoke`);

    const message = await apiRefusal(instance, "POST", `/v1/organizations/${id}/invitations`, {
      email_address: "not an email",
      role: "org:member",
    });
    const refused = await postAndFollow(browser, `${orgPage(id)}/invitations`, {
      email_address: "not an email",
      role: "org:member",
    });
    expect(refused.page.html).toContain(message);
    expect(
      (await instance.call("GET", `/v1/organizations/${id}/invitations`)).body.total_count,
    ).toBe(1);

    const revoked = await postAndFollow(
      browser,
      `${orgPage(id)}/invitations/${invitation.id}/revoke`,
    );
    expect(revoked.page.html).toContain("Invitation revoked.");
    expect(revoked.page.html).toContain(">revoked<");
    expect(revoked.page.html).not.toContain(`/invitations/${invitation.id}/revoke`);
    const after = await instance.call("GET", `/v1/organizations/${id}/invitations`);
    expect(after.body.data[0].status).toBe("revoked");
    expect(await outboxCount(instance, "organizationInvitation.revoked", invitation.id)).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      action: "organization_invitation.revoke",
      detail: { invitation_id: invitation.id },
    });
  });

  it("edits metadata as JSON, and refuses text that is not a JSON object", async () => {
    const id = await createOrganization("Meta Corp");
    const saved = await postAndFollow(browser, `${orgPage(id)}/metadata`, {
      public_metadata: '{"plan":"pro"}',
      private_metadata: '{"crm":42}',
    });
    expect(saved.page.html).toContain("Metadata saved.");
    const org = await instance.call("GET", `/v1/organizations/${id}`);
    expect(org.body).toMatchObject({
      public_metadata: { plan: "pro" },
      private_metadata: { crm: 42 },
    });
    expect(await outboxCount(instance, "organization.updated", id)).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization.metadata_replace",
    });
    const refused = await browser.post(`${orgPage(id)}/metadata`, {
      public_metadata: "[1, 2]",
      private_metadata: "{}",
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain("public_metadata must be a JSON object");
    expect(refused.html).toContain("[1, 2]");
    expect((await instance.call("GET", `/v1/organizations/${id}`)).body.public_metadata).toEqual({
      plan: "pro",
    });
    expect(await outboxCount(instance, "organization.updated", id)).toBe(1);
  });

  it("deletes an organization only when its id is typed", async () => {
    const id = await createOrganization("Doomed Co");
    const wrong = await postAndFollow(browser, `${orgPage(id)}/delete`, { confirm: "doomed" });
    expect(wrong.page.html).toContain("Type the organization id exactly");
    expect((await instance.call("GET", `/v1/organizations/${id}`)).status).toBe(200);
    const deleted = await postAndFollow(browser, `${orgPage(id)}/delete`, { confirm: id });
    expect(deleted.post.location).toBe("/console/organizations");
    expect(deleted.page.html).toContain(`Organization ${id} deleted.`);
    expect((await instance.call("GET", `/v1/organizations/${id}`)).status).toBe(404);
    expect(await outboxCount(instance, "organization.deleted", id)).toBe(1);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "organization.delete",
      targetId: id,
    });
    expect((await browser.get(orgPage(id))).status).toBe(404);
  });

  it("refuses every change without the CSRF token, with nothing changed", async () => {
    const id = await createOrganization("Guarded");
    await browser.get(orgPage(id));
    const events = await outboxTotal(instance);
    const posts: [string, Record<string, string>][] = [
      ["/console/organizations/new", { name: "Forged" }],
      [`${orgPage(id)}/members`, { user_id: member, role: "org:member" }],
      [`${orgPage(id)}/members/${member}/role`, { role: "org:admin" }],
      [`${orgPage(id)}/members/${member}/remove`, {}],
      [`${orgPage(id)}/invitations`, { email_address: "x@example.com", role: "org:member" }],
      [`${orgPage(id)}/metadata`, { public_metadata: '{"a":1}', private_metadata: "{}" }],
      [`${orgPage(id)}/delete`, { confirm: id }],
    ];
    for (const [path, form] of posts) {
      expect((await browser.post(path, form, { csrf: null })).status).toBe(403);
    }
    expect((await instance.call("GET", `/v1/organizations/${id}`)).status).toBe(200);
    expect(await outboxTotal(instance)).toBe(events);
  });
});

describe("organization role choices", () => {
  const answer = (result: unknown): ConsoleApi => (async () => result) as ConsoleApi;

  it("falls back to the default admin and member roles when the roles route is missing or fails", async () => {
    const missing = answer({
      ok: false,
      status: 404,
      errors: [{ code: "resource_not_found", message: "Not found" }],
    });
    expect(await loadRoleChoices(missing)).toEqual(DEFAULT_ROLE_CHOICES);
    const failing = (async () => {
      throw new Error("down");
    }) as ConsoleApi;
    expect(await loadRoleChoices(failing)).toEqual(DEFAULT_ROLE_CHOICES);
    expect(await loadRoleChoices(answer({ ok: true, status: 200, data: { data: [] } }))).toEqual(
      DEFAULT_ROLE_CHOICES,
    );
    const listed = answer({
      ok: true,
      status: 200,
      data: { data: [{ object: "role", key: "org:billing", name: "Billing" }] },
    });
    expect(await loadRoleChoices(listed)).toEqual([{ key: "org:billing", name: "Billing" }]);
  });
});
