import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../../test/skip-when.js";
import {
  expectResponseMatchesSpec,
  loadSpec,
  responseShapeProblems,
} from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { createOrganizationMembership } from "../../../flows/organizations/create-organization-membership.js";

const bapi = loadSpec("bapi");

// One in-process instance for the file; each test makes its own organizations and users.
const instance = useTestInstance();

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function newUser(name = unique("user")) {
  return instance.store.createUser({
    firstName: name,
    emailAddresses: [{ emailAddress: `${name}@example.com`, status: "verified" }],
  });
}

async function newOrg(body: Record<string, unknown> = {}) {
  const answer = await instance.call("POST", "/v1/organizations", {
    body: { name: unique("Org "), ...body },
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

function expectError(
  answer: { status: number; body: { errors: Array<Record<string, unknown>> } },
  status: number,
  code: string,
  paramName?: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body.errors[0]).toMatchObject({ code });
  if (paramName !== undefined) {
    expect(answer.body.errors[0]?.meta).toMatchObject({ param_name: paramName });
  }
}

describe("organizations", () => {
  it("the spec check itself catches a non-conforming answer", skipWhen(bapi.skipReason), () => {
    expect(
      responseShapeProblems(bapi, "post", "/organizations", 200, { object: "organization" }),
    ).toContain("$.id: required");
    expect(
      responseShapeProblems(bapi, "post", "/invitations", 200, { object: "invitation", extra: 1 }),
    ).toContain("$.extra: not allowed");
  });

  it("creates an organization; the creator becomes admin; answers match the spec", async () => {
    const ada = await newUser();
    const answer = await instance.call("POST", "/v1/organizations", {
      body: {
        name: "Acme Rockets",
        created_by: ada.id,
        public_metadata: { plan: "pro" },
        private_metadata: { internal: 1 },
        max_allowed_memberships: 10,
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.body).toMatchObject({
      object: "organization",
      name: "Acme Rockets",
      slug: "acme-rockets",
      created_by: ada.id,
      public_metadata: { plan: "pro" },
      private_metadata: { internal: 1 },
      max_allowed_memberships: 10,
      has_image: false,
    });
    expect(answer.body).not.toHaveProperty("members_count");
    expectResponseMatchesSpec(bapi, "post", "/organizations", 200, answer.body);
    const membership = await instance.store.getOrganizationMembership(answer.body.id, ada.id);
    expect(membership?.role).toBe("org:admin");
  });

  it("refuses bad bodies with 422 and the parameter's name", async () => {
    expectError(
      await instance.call("POST", "/v1/organizations", { body: {} }),
      422,
      "form_param_missing",
      "name",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", { body: { name: "x", slug: "Not OK" } }),
      422,
      "form_param_format_invalid",
      "slug",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", { body: { name: "   " } }),
      422,
      "form_param_value_invalid",
      "name",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", {
        body: { name: "<b>bold</b>" },
      }),
      422,
      "form_param_value_invalid",
      "name",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", { body: { name: "x", colour: "red" } }),
      422,
      "form_param_unknown",
      "colour",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", {
        body: { name: "x", max_allowed_memberships: -1 },
      }),
      422,
      "form_param_format_invalid",
      "max_allowed_memberships",
    );
  });

  it("refuses a taken slug and an unknown creator", async () => {
    const org = await newOrg();
    expectError(
      await instance.call("POST", "/v1/organizations", { body: { name: "x", slug: org.slug } }),
      422,
      "form_identifier_exists",
      "slug",
    );
    expectError(
      await instance.call("POST", "/v1/organizations", {
        body: { name: "x", created_by: "user_missing" },
      }),
      400,
      "organization_creator_not_found",
    );
  });

  it("answers 401 to a wrong secret key and changes nothing", async () => {
    const before = await instance.call("GET", "/v1/organizations?limit=1");
    const answer = await instance.call("POST", "/v1/organizations", {
      body: { name: "Intruder Inc" },
      secretKey: "sk_test_wrongwrongwrongwrong",
    });
    expectError(answer, 401, "authentication_invalid");
    const none = await instance.call("POST", "/v1/organizations", {
      body: { name: "Intruder Inc" },
      secretKey: null,
    });
    expect(none.status).toBe(401);
    const after = await instance.call("GET", "/v1/organizations?limit=1");
    expect(after.body.total_count).toBe(before.body.total_count);
    expect(await instance.store.getOrganization("intruder-inc")).toBeNull();
  });

  it("gets one by id or slug, with counts on request", async () => {
    const ada = await newUser();
    const org = await newOrg({ created_by: ada.id });
    const byId = await instance.call("GET", `/v1/organizations/${org.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(org);
    const bySlug = await instance.call(
      "GET",
      `/v1/organizations/${org.slug}?include_members_count=true&include_missing_member_with_elevated_permissions=true`,
    );
    expect(bySlug.body).toMatchObject({
      id: org.id,
      members_count: 1,
      pending_invitations_count: 0,
      missing_member_with_elevated_permissions: false,
    });
    expectResponseMatchesSpec(bapi, "get", "/organizations/{organization_id}", 200, bySlug.body);
    const missing = await instance.call("GET", "/v1/organizations/no-such-org");
    expectError(missing, 404, "resource_not_found");
    expectResponseMatchesSpec(bapi, "get", "/organizations/{organization_id}", 404, missing.body);
  });

  it("lists with query, order, paging and total_count", async () => {
    const tag = unique("zebra");
    const a = await newOrg({ name: `${tag} Alpha` });
    instance.clock.advance(1000);
    const b = await newOrg({ name: `${tag} Beta` });
    const list = await instance.call("GET", `/v1/organizations?query=${tag}`);
    expect(list.status).toBe(200);
    expect(list.body.total_count).toBe(2);
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([b.id, a.id]);
    expectResponseMatchesSpec(bapi, "get", "/organizations", 200, list.body);
    const paged = await instance.call(
      "GET",
      `/v1/organizations?query=${tag}&order_by=%2Bname&limit=1&offset=1&include_members_count=true`,
    );
    expect(paged.body.data.map((o: { id: string }) => o.id)).toEqual([b.id]);
    expect(paged.body.data[0].members_count).toBe(0);
    expect(paged.body.total_count).toBe(2);
    const excluded = await instance.call(
      "GET",
      `/v1/organizations?query=${tag}&organization_id=-${a.id}`,
    );
    expect(excluded.body.data.map((o: { id: string }) => o.id)).toEqual([b.id]);
    expectError(
      await instance.call("GET", "/v1/organizations?order_by=-colour"),
      422,
      "form_param_value_invalid",
      "order_by",
    );
    expectError(
      await instance.call("GET", "/v1/organizations?limit=501"),
      422,
      "form_param_format_invalid",
      "limit",
    );
  });

  it("updates fields, but no metadata (since 2026-05-12)", async () => {
    const org = await newOrg();
    const taken = await newOrg();
    instance.clock.advance(1000);
    const answer = await instance.call("PATCH", `/v1/organizations/${org.id}`, {
      body: { name: "Renamed", slug: unique("renamed-"), admin_delete_enabled: false },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: "Renamed", admin_delete_enabled: false });
    expect(answer.body.updated_at).toBeGreaterThan(org.updated_at);
    expectResponseMatchesSpec(bapi, "patch", "/organizations/{organization_id}", 200, answer.body);
    expectError(
      await instance.call("PATCH", `/v1/organizations/${org.id}`, {
        body: { public_metadata: { a: 1 } },
      }),
      422,
      "form_param_unknown",
      "public_metadata",
    );
    expectError(
      await instance.call("PATCH", `/v1/organizations/${org.id}`, { body: { slug: taken.slug } }),
      422,
      "form_identifier_exists",
      "slug",
    );
    expectError(
      await instance.call("PATCH", "/v1/organizations/org_missing", { body: { name: "x" } }),
      404,
      "resource_not_found",
    );
  });

  it("merges metadata with PATCH and replaces it with PUT", async () => {
    const org = await newOrg({ public_metadata: { a: 1, nested: { b: 2, c: 3 } } });
    const merged = await instance.call("PATCH", `/v1/organizations/${org.id}/metadata`, {
      body: { public_metadata: { a: null, nested: { c: null, d: 4 } }, private_metadata: { p: 1 } },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.public_metadata).toEqual({ nested: { b: 2, d: 4 } });
    expect(merged.body.private_metadata).toEqual({ p: 1 });
    expectResponseMatchesSpec(
      bapi,
      "patch",
      "/organizations/{organization_id}/metadata",
      200,
      merged.body,
    );
    const replaced = await instance.call("PUT", `/v1/organizations/${org.id}/metadata`, {
      body: { public_metadata: { only: true } },
    });
    expect(replaced.body.public_metadata).toEqual({ only: true });
    expect(replaced.body.private_metadata).toEqual({ p: 1 });
    expectError(
      await instance.call("PATCH", `/v1/organizations/${org.id}/metadata`, {
        body: { public_metadata: "nope" },
      }),
      422,
      "form_param_format_invalid",
      "public_metadata",
    );
    expectError(
      await instance.call("PATCH", "/v1/organizations/org_missing/metadata", { body: {} }),
      404,
      "resource_not_found",
    );
  });

  it("deletes an organization and answers the deleted object", async () => {
    const org = await newOrg();
    const answer = await instance.call("DELETE", `/v1/organizations/${org.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      object: "organization",
      id: org.id,
      slug: org.slug,
      deleted: true,
    });
    expectResponseMatchesSpec(bapi, "delete", "/organizations/{organization_id}", 200, answer.body);
    expectError(
      await instance.call("DELETE", `/v1/organizations/${org.id}`),
      404,
      "resource_not_found",
    );
  });
});

describe("memberships", () => {
  it("adds a member and answers the membership with user data and permissions", async () => {
    const org = await newOrg();
    const bob = await newUser();
    const answer = await instance.call("POST", `/v1/organizations/${org.id}/memberships`, {
      body: { user_id: bob.id, role: "org:member", public_metadata: { team: "x" } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      object: "organization_membership",
      role: "org:member",
      role_name: "Member",
      permissions: ["org:sys_memberships:read"],
      public_metadata: { team: "x" },
      organization: { id: org.id, members_count: 1 },
      public_user_data: {
        user_id: bob.id,
        identifier: `${bob.firstName}@example.com`,
        has_image: false,
      },
    });
    expectResponseMatchesSpec(
      bapi,
      "post",
      "/organizations/{organization_id}/memberships",
      200,
      answer.body,
    );
  });

  it("refuses duplicates, unknown roles, users and organizations", async () => {
    const ada = await newUser();
    const org = await newOrg({ created_by: ada.id });
    const path = `/v1/organizations/${org.id}/memberships`;
    expectError(
      await instance.call("POST", path, { body: { user_id: ada.id, role: "org:member" } }),
      400,
      "already_a_member_in_organization",
    );
    const bob = await newUser();
    expectError(
      await instance.call("POST", path, { body: { user_id: bob.id, role: "org:owner" } }),
      404,
      "resource_not_found",
      "role",
    );
    expectError(
      await instance.call("POST", path, { body: { user_id: "user_missing", role: "org:member" } }),
      404,
      "resource_not_found",
      "user_id",
    );
    expectError(
      await instance.call("POST", path, { body: { user_id: bob.id } }),
      422,
      "form_param_missing",
      "role",
    );
    expectError(
      await instance.call("POST", "/v1/organizations/org_missing/memberships", {
        body: { user_id: bob.id, role: "org:member" },
      }),
      404,
      "resource_not_found",
    );
  });

  it("enforces max_allowed_memberships", async () => {
    const ada = await newUser();
    const org = await newOrg({ created_by: ada.id, max_allowed_memberships: 1 });
    const bob = await newUser();
    expectError(
      await instance.call("POST", `/v1/organizations/${org.id}/memberships`, {
        body: { user_id: bob.id, role: "org:member" },
      }),
      403,
      "organization_membership_quota_exceeded",
    );
  });

  it("lists members with filters and paging", async () => {
    const ada = await newUser();
    const org = await newOrg({ created_by: ada.id });
    instance.clock.advance(1000);
    const bob = await newUser();
    (
      await createOrganizationMembership(instance.store, org.id, {
        userId: bob.id,
        role: "org:member",
      })
    ).membership;
    const path = `/v1/organizations/${org.id}/memberships`;
    const all = await instance.call("GET", `${path}?order_by=created_at`);
    expect(all.status).toBe(200);
    expect(all.body.total_count).toBe(2);
    expect(
      all.body.data.map(
        (m: { public_user_data: { user_id: string } }) => m.public_user_data.user_id,
      ),
    ).toEqual([ada.id, bob.id]);
    expectResponseMatchesSpec(
      bapi,
      "get",
      "/organizations/{organization_id}/memberships",
      200,
      all.body,
    );
    const admins = await instance.call("GET", `${path}?role=org:admin`);
    expect(admins.body.data.map((m: { role: string }) => m.role)).toEqual(["org:admin"]);
    const byUser = await instance.call("GET", `${path}?user_id=${bob.id}&limit=1`);
    expect(byUser.body.total_count).toBe(1);
    const excluded = await instance.call("GET", `${path}?user_id=-${bob.id}`);
    expect(excluded.body.data).toHaveLength(1);
    const wallets = await instance.call("GET", `${path}?web3_wallet=0xabc`);
    expect(wallets.body).toEqual({ data: [], total_count: 0 });
    expectError(
      await instance.call("GET", "/v1/organizations/org_missing/memberships"),
      404,
      "resource_not_found",
    );
  });

  it("changes a member's role and metadata, then removes the member", async () => {
    const org = await newOrg();
    const bob = await newUser();
    (
      await createOrganizationMembership(instance.store, org.id, {
        userId: bob.id,
        role: "org:member",
      })
    ).membership;
    const path = `/v1/organizations/${org.id}/memberships/${bob.id}`;
    const promoted = await instance.call("PATCH", path, { body: { role: "org:admin" } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("org:admin");
    expect(promoted.body.permissions).toContain("org:sys_profile:delete");
    expectResponseMatchesSpec(
      bapi,
      "patch",
      "/organizations/{organization_id}/memberships/{user_id}",
      200,
      promoted.body,
    );
    expectError(
      await instance.call("PATCH", path, { body: { role: "org:nope" } }),
      404,
      "resource_not_found",
      "role",
    );
    const meta = await instance.call("PATCH", `${path}/metadata`, {
      body: { public_metadata: { level: 1 }, private_metadata: { secret: "s" } },
    });
    expect(meta.body).toMatchObject({
      public_metadata: { level: 1 },
      private_metadata: { secret: "s" },
    });
    expectResponseMatchesSpec(
      bapi,
      "patch",
      "/organizations/{organization_id}/memberships/{user_id}/metadata",
      200,
      meta.body,
    );
    const removed = await instance.call("DELETE", path);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({
      object: "organization_membership",
      organization: { members_count: 0 },
    });
    expectResponseMatchesSpec(
      bapi,
      "delete",
      "/organizations/{organization_id}/memberships/{user_id}",
      200,
      removed.body,
    );
    expectError(await instance.call("DELETE", path), 404, "resource_not_found");
    expectError(
      await instance.call("PATCH", path, { body: { role: "org:member" } }),
      404,
      "resource_not_found",
    );
  });
});

describe("organization invitations", () => {
  it("invites, lists, gets and revokes", async () => {
    const ada = await newUser();
    const org = await newOrg({ created_by: ada.id });
    const path = `/v1/organizations/${org.id}/invitations`;
    const created = await instance.call("POST", path, {
      body: {
        email_address: "invitee@example.com",
        role: "org:member",
        inviter_user_id: ada.id,
        public_metadata: { source: "test" },
        expires_in_days: 3,
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: "organization_invitation",
      email_address: "invitee@example.com",
      role: "org:member",
      role_name: "Member",
      organization_id: org.id,
      inviter_id: ada.id,
      public_inviter_data: { user_id: ada.id, identifier: `${ada.firstName}@example.com` },
      status: "pending",
      url: null,
    });
    expect(created.body.expires_at - created.body.created_at).toBe(3 * 86_400_000);
    expectResponseMatchesSpec(
      bapi,
      "post",
      "/organizations/{organization_id}/invitations",
      200,
      created.body,
    );

    const list = await instance.call("GET", `${path}?status=pending`);
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expectResponseMatchesSpec(
      bapi,
      "get",
      "/organizations/{organization_id}/invitations",
      200,
      list.body,
    );
    const pending = await instance.call("GET", `${path}/pending`);
    expect(pending.body.total_count).toBe(1);

    const one = await instance.call("GET", `${path}/${created.body.id}`);
    expect(one.body).toEqual(created.body);
    expectResponseMatchesSpec(
      bapi,
      "get",
      "/organizations/{organization_id}/invitations/{invitation_id}",
      200,
      one.body,
    );

    const revoked = await instance.call("POST", `${path}/${created.body.id}/revoke`, {
      body: { requesting_user_id: ada.id },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");
    expectResponseMatchesSpec(
      bapi,
      "post",
      "/organizations/{organization_id}/invitations/{invitation_id}/revoke",
      200,
      revoked.body,
    );
    expectError(
      await instance.call("POST", `${path}/${created.body.id}/revoke`),
      400,
      "organization_invitation_not_pending",
    );
    const none = await instance.call("GET", `${path}?status=pending&status=accepted`);
    expect(none.body.total_count).toBe(0);
  });

  it("refuses bad input, duplicates, non-admin inviters and unknown ids", async () => {
    const ada = await newUser();
    const bob = await newUser();
    const org = await newOrg({ created_by: ada.id });
    (
      await createOrganizationMembership(instance.store, org.id, {
        userId: bob.id,
        role: "org:member",
      })
    ).membership;
    const path = `/v1/organizations/${org.id}/invitations`;
    expectError(
      await instance.call("POST", path, {
        body: { email_address: "not-an-email", role: "org:member" },
      }),
      422,
      "form_param_format_invalid",
      "email_address",
    );
    expectError(
      await instance.call("POST", path, {
        body: { email_address: "x@example.com", role: "org:member", expires_in_days: 0 },
      }),
      422,
      "form_param_format_invalid",
      "expires_in_days",
    );
    await instance.call("POST", path, {
      body: { email_address: "dup@example.com", role: "org:member" },
    });
    expectError(
      await instance.call("POST", path, {
        body: { email_address: "dup@example.com", role: "org:member" },
      }),
      400,
      "organization_invitation_not_unique",
    );
    expectError(
      await instance.call("POST", path, {
        body: { email_address: "y@example.com", role: "org:member", inviter_user_id: bob.id },
      }),
      403,
      "missing_organization_permission",
    );
    expectError(await instance.call("GET", `${path}/orginv_missing`), 404, "resource_not_found");
    expectError(
      await instance.call("POST", `${path}/orginv_missing/revoke`),
      404,
      "resource_not_found",
    );
    expectError(
      await instance.call("GET", `${path}?status=lost`),
      422,
      "form_param_format_invalid",
      "status",
    );
    expectError(
      await instance.call("GET", "/v1/organizations/org_missing/invitations"),
      404,
      "resource_not_found",
    );
  });
});
