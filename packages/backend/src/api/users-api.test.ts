import { describe, expect, it } from "vitest";
import {
  describeApiScenarios,
  describeEmptyIdChecks,
  TEST_SECRET_KEY,
} from "./api-scenarios.test-helpers.js";
import { createBackendApiClient } from "./create-backend-api-client.js";
import { createFakeFetch, jsonResponse } from "./fake-fetch.test-helpers.js";
import {
  deletedJson,
  emailAddressJson,
  membershipJson,
  orgInvitationJson,
  page,
  userJson,
} from "./fixtures.test-helpers.js";
import type { User } from "./resources/user.js";

const user = () => userJson();

describeApiScenarios("users api", [
  {
    name: "getUserList sends filters to /users and /users/count in parallel",
    call: (api) =>
      api.users.getUserList({
        emailAddress: ["a@x.com", "b@x.com"],
        phoneNumber: ["+15555550100"],
        username: ["ada"],
        userId: ["user_1"],
        externalId: ["ext_1"],
        query: "ada",
        orderBy: "-created_at",
        limit: 10,
        offset: 20,
      }),
    expected: [
      {
        method: "GET",
        path: "/users",
        query: {
          email_address: ["a@x.com", "b@x.com"],
          phone_number: "+15555550100",
          username: "ada",
          user_id: "user_1",
          external_id: "ext_1",
          query: "ada",
          order_by: "-created_at",
          limit: "10",
          offset: "20",
        },
      },
      {
        method: "GET",
        path: "/users/count",
        query: {
          email_address: ["a@x.com", "b@x.com"],
          phone_number: "+15555550100",
          username: "ada",
          user_id: "user_1",
          external_id: "ext_1",
          query: "ada",
        },
      },
    ],
    reply: (call) =>
      call.path === "/users/count" ? { object: "total_count", total_count: 42 } : [user()],
    check: (result) => {
      const { data, totalCount } = result as { data: User[]; totalCount: number };
      expect(totalCount).toBe(42);
      expect(data).toHaveLength(1);
      expect(data[0]?.id).toBe("user_1");
    },
  },
  {
    name: "getUserList without params sends no query",
    call: (api) => api.users.getUserList(),
    expected: [
      { method: "GET", path: "/users" },
      { method: "GET", path: "/users/count" },
    ],
    reply: (call) =>
      call.path === "/users/count" ? { object: "total_count", total_count: 0 } : [],
    check: (result) => expect(result).toEqual({ data: [], totalCount: 0 }),
  },
  {
    name: "getCount answers the number",
    call: (api) => api.users.getCount({ query: "ada" }),
    expected: [{ method: "GET", path: "/users/count", query: { query: "ada" } }],
    reply: () => ({ object: "total_count", total_count: 7 }),
    check: (result) => expect(result).toBe(7),
  },
  {
    name: "getUser camelizes the user and keeps metadata keys",
    call: (api) => api.users.getUser("user_1"),
    expected: [{ method: "GET", path: "/users/user_1" }],
    reply: () => ({ ...user(), some_future_field: { nested_thing: 1 } }),
    check: (result) => {
      const u = result as User;
      expect(u.firstName).toBe("Ada");
      expect(u.emailAddresses[0]?.emailAddress).toBe("ada@example.com");
      expect(u.emailAddresses[0]?.verification?.expireAt).toBeTypeOf("number");
      expect(u.publicMetadata).toEqual({ role: "admin", nested_key: { inner_key: 1 } });
      expect(u.privateMetadata).toEqual({ stripe_customer_id: "cus_1" });
      expect(u.unsafeMetadata).toEqual({ ui_theme: "dark" });
      expect(u.someFutureField).toEqual({ nestedThing: 1 });
      expect(u.fullName).toBe("Ada Lovelace");
      expect(u.primaryEmailAddress?.emailAddress).toBe("ada@example.com");
      expect(u.primaryPhoneNumber).toBeNull();
      expect(JSON.parse(JSON.stringify(u))).not.toHaveProperty("fullName");
    },
  },
  {
    name: "getUser encodes the id in the path",
    call: (api) => api.users.getUser("user/1?x"),
    expected: [{ method: "GET", path: "/users/user%2F1%3Fx" }],
    reply: () => user(),
  },
  {
    name: "createUser sends snake_case keys, a password digest and verbatim metadata",
    call: (api) =>
      api.users.createUser({
        emailAddress: ["ada@example.com"],
        firstName: "Ada",
        passwordDigest: "$2a$10$abc",
        passwordHasher: "bcrypt",
        skipPasswordChecks: true,
        skipPasswordRequirement: false,
        publicMetadata: { camelKey: 1, snake_key: { innerCamel: true } },
        createdAt: new Date(Date.UTC(2020, 0, 1)),
        externalId: undefined,
      }),
    expected: [
      {
        method: "POST",
        path: "/users",
        body: {
          email_address: ["ada@example.com"],
          first_name: "Ada",
          password_digest: "$2a$10$abc",
          password_hasher: "bcrypt",
          skip_password_checks: true,
          skip_password_requirement: false,
          public_metadata: { camelKey: 1, snake_key: { innerCamel: true } },
          created_at: "2020-01-01T00:00:00.000Z",
        },
      },
    ],
    reply: () => user(),
  },
  {
    name: "updateUser maps Clerk's ID spellings to snake_case",
    call: (api) =>
      api.users.updateUser("user_1", {
        firstName: "Grace",
        primaryEmailAddressID: "idn_2",
        password: "correct horse",
        signOutOfOtherSessions: true,
      }),
    expected: [
      {
        method: "PATCH",
        path: "/users/user_1",
        body: {
          first_name: "Grace",
          primary_email_address_id: "idn_2",
          password: "correct horse",
          sign_out_of_other_sessions: true,
        },
      },
    ],
    reply: () => user(),
  },
  {
    name: "updateUser with metadata (deprecated) PATCHes attributes, then PUTs metadata",
    call: (api) =>
      api.users.updateUser("user_1", {
        lastName: "Hopper",
        publicMetadata: { role: "member" },
        unsafeMetadata: { uiTheme: "light" },
      }),
    expected: [
      { method: "PATCH", path: "/users/user_1", body: { last_name: "Hopper" } },
      {
        method: "PUT",
        path: "/users/user_1/metadata",
        body: { public_metadata: { role: "member" }, unsafe_metadata: { uiTheme: "light" } },
      },
    ],
    reply: (call) =>
      call.method === "PUT"
        ? userJson({ last_name: "Hopper", public_metadata: { role: "member" } })
        : userJson({ last_name: "Hopper" }),
    check: (result) => expect((result as User).publicMetadata).toEqual({ role: "member" }),
  },
  {
    name: "updateUser with metadata only makes one request",
    call: (api) => api.users.updateUser("user_1", { privateMetadata: { tier: 2 } }),
    expected: [
      {
        method: "PUT",
        path: "/users/user_1/metadata",
        body: { private_metadata: { tier: 2 } },
      },
    ],
    reply: () => userJson({ private_metadata: { tier: 2 } }),
  },
  {
    name: "replaceUserMetadata PUTs /metadata",
    call: (api) => api.users.replaceUserMetadata("user_1", { publicMetadata: { onlyKey: 1 } }),
    expected: [
      { method: "PUT", path: "/users/user_1/metadata", body: { public_metadata: { onlyKey: 1 } } },
    ],
    reply: () => userJson({ public_metadata: { onlyKey: 1 } }),
    check: (result) => expect((result as User).publicMetadata).toEqual({ onlyKey: 1 }),
  },
  {
    name: "createUser sends identification statuses and skipUserRequirement",
    call: (api) =>
      api.users.createUser({
        emailAddress: ["a@example.com", "b@example.com"],
        emailAddressIdentificationStatus: ["verified", "reserved"],
        phoneNumber: ["+15555550100"],
        phoneNumberIdentificationStatus: ["reserved"],
        skipUserRequirement: true,
      }),
    expected: [
      {
        method: "POST",
        path: "/users",
        body: {
          email_address: ["a@example.com", "b@example.com"],
          email_address_identification_status: ["verified", "reserved"],
          phone_number: ["+15555550100"],
          phone_number_identification_status: ["reserved"],
          skip_user_requirement: true,
        },
      },
    ],
    reply: () => user(),
  },
  {
    name: "getUserList sends date filters and leaves falsy values out, as Clerk's SDK does",
    call: (api) =>
      api.users.getUserList({
        lastActiveAtSince: 1_700_000_000_000,
        createdAtBefore: 1_800_000_000_000,
        banned: false,
        offset: 0,
        query: "",
        organizationId: ["org_1"],
      }),
    expected: [
      {
        method: "GET",
        path: "/users",
        query: {
          last_active_at_since: "1700000000000",
          created_at_before: "1800000000000",
          organization_id: "org_1",
        },
      },
      {
        method: "GET",
        path: "/users/count",
        query: {
          last_active_at_since: "1700000000000",
          created_at_before: "1800000000000",
          organization_id: "org_1",
        },
      },
    ],
    reply: (call) =>
      call.path === "/users/count" ? { object: "total_count", total_count: 1 } : [user()],
    check: (result) => expect(result).toMatchObject({ totalCount: 1, data: [{ id: "user_1" }] }),
  },
  {
    name: "updateUserMetadata PATCHes /metadata with keys untouched and null kept",
    call: (api) =>
      api.users.updateUserMetadata("user_1", {
        publicMetadata: { plan_tier: "pro", camelCase: null },
        privateMetadata: { someId: "x" },
      }),
    expected: [
      {
        method: "PATCH",
        path: "/users/user_1/metadata",
        body: {
          public_metadata: { plan_tier: "pro", camelCase: null },
          private_metadata: { someId: "x" },
        },
      },
    ],
    reply: () => userJson({ public_metadata: { plan_tier: "pro" } }),
    check: (result) => expect((result as User).publicMetadata).toEqual({ plan_tier: "pro" }),
  },
  {
    name: "deleteUser answers the deleted object",
    call: (api) => api.users.deleteUser("user_1"),
    expected: [{ method: "DELETE", path: "/users/user_1" }],
    reply: () => deletedJson("user", "user_1"),
    check: (result) => expect(result).toMatchObject({ id: "user_1", deleted: true }),
  },
  ...(["banUser", "unbanUser", "lockUser", "unlockUser"] as const).map((method) => ({
    name: `${method} POSTs without a body`,
    call: (api: ReturnType<typeof createBackendApiClient>) => api.users[method]("user_1"),
    expected: [
      {
        method: "POST" as const,
        path: `/users/user_1/${method.replace(/User$/, "")}`,
      },
    ],
    reply: () => user(),
  })),
  {
    name: "updateUserProfileImage uploads multipart form data",
    call: (api) =>
      api.users.updateUserProfileImage("user_1", {
        file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
      }),
    expected: [{ method: "POST", path: "/users/user_1/profile_image", form: ["file"] }],
    reply: () => userJson({ has_image: true }),
    check: (result) => expect((result as User).hasImage).toBe(true),
  },
  {
    name: "deleteUserProfileImage",
    call: (api) => api.users.deleteUserProfileImage("user_1"),
    expected: [{ method: "DELETE", path: "/users/user_1/profile_image" }],
    reply: () => user(),
  },
  {
    name: "verifyPassword",
    call: (api) => api.users.verifyPassword({ userId: "user_1", password: "hunter22" }),
    expected: [
      { method: "POST", path: "/users/user_1/verify_password", body: { password: "hunter22" } },
    ],
    reply: () => ({ verified: true }),
    check: (result) => expect(result).toEqual({ verified: true }),
  },
  {
    name: "createUser and updateUser send backupCodes as backup_codes",
    call: async (api) => {
      await api.users.createUser({
        totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DP",
        backupCodes: ["a1b2c3"],
      });
      return api.users.updateUser("user_1", { backupCodes: ["d4e5f6", "g7h8i9"] });
    },
    expected: [
      {
        method: "POST",
        path: "/users",
        body: { totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DP", backup_codes: ["a1b2c3"] },
      },
      { method: "PATCH", path: "/users/user_1", body: { backup_codes: ["d4e5f6", "g7h8i9"] } },
    ],
    reply: () => userJson({ totp_enabled: true, backup_code_enabled: true }),
    check: (result) => expect(result).toMatchObject({ totpEnabled: true, backupCodeEnabled: true }),
  },
  {
    name: "verifyTOTP",
    call: (api) => api.users.verifyTOTP({ userId: "user_1", code: "123456" }),
    expected: [{ method: "POST", path: "/users/user_1/verify_totp", body: { code: "123456" } }],
    reply: () => ({ verified: true, code_type: "totp" }),
    check: (result) =>
      expect(result).toEqual({ verified: true, codeType: "totp", code_type: "totp" }),
  },
  {
    name: "verifyTOTP with a backup code answers code_type backup_code",
    call: (api) => api.users.verifyTOTP({ userId: "user_1", code: "k7mq-2xwp" }),
    expected: [{ method: "POST", path: "/users/user_1/verify_totp", body: { code: "k7mq-2xwp" } }],
    reply: () => ({ verified: true, code_type: "backup_code" }),
    check: (result) =>
      expect(result).toEqual({
        verified: true,
        codeType: "backup_code",
        code_type: "backup_code",
      }),
  },
  {
    name: "getUserOauthAccessToken adds the oauth_ prefix",
    call: (api) => api.users.getUserOauthAccessToken("user_1", "google"),
    expected: [
      {
        method: "GET",
        path: "/users/user_1/oauth_access_tokens/oauth_google",
        query: { paginated: "true" },
      },
    ],
    reply: () =>
      page([
        {
          object: "oauth_access_token",
          external_account_id: "eac_1",
          provider_user_id: "g_1",
          token: "ya29.x",
          expires_at: null,
          provider: "oauth_google",
          public_metadata: {},
          label: null,
          scopes: ["email"],
        },
      ]),
    check: (result) =>
      expect(result).toMatchObject({
        totalCount: 1,
        data: [{ externalAccountId: "eac_1", token: "ya29.x" }],
      }),
  },
  {
    name: "getUserOauthAccessToken keeps an existing oauth_ prefix",
    call: (api) => api.users.getUserOauthAccessToken("user_1", "oauth_github"),
    expected: [
      {
        method: "GET",
        path: "/users/user_1/oauth_access_tokens/oauth_github",
        query: { paginated: "true" },
      },
    ],
    reply: () => [],
    check: (result) => expect(result).toEqual({ data: [], totalCount: 0 }),
  },
  {
    name: "getOrganizationMembershipList",
    call: (api) =>
      api.users.getOrganizationMembershipList({ userId: "user_1", limit: 5, offset: 5 }),
    expected: [
      {
        method: "GET",
        path: "/users/user_1/organization_memberships",
        query: { limit: "5", offset: "5" },
      },
    ],
    reply: () => page([membershipJson()], 6),
    check: (result) =>
      expect(result).toMatchObject({
        totalCount: 6,
        data: [{ role: "org:admin", publicUserData: { userId: "user_1" } }],
      }),
  },
  {
    name: "getOrganizationInvitationList",
    call: (api) =>
      api.users.getOrganizationInvitationList({ userId: "user_1", status: "pending", limit: 1 }),
    expected: [
      {
        method: "GET",
        path: "/users/user_1/organization_invitations",
        query: { status: "pending", limit: "1" },
      },
    ],
    reply: () =>
      page([
        orgInvitationJson({
          public_organization_data: { id: "org_1", name: "Acme", slug: "acme", has_image: false },
        }),
      ]),
    check: (result) =>
      expect(result).toMatchObject({
        data: [{ emailAddress: "grace@example.com", publicOrganizationData: { hasImage: false } }],
      }),
  },
]);

describeEmptyIdChecks("users api", {
  getUser: (api) => api.users.getUser(""),
  updateUser: (api) => api.users.updateUser("", { firstName: "x" }),
  "updateUser (metadata)": (api) => api.users.updateUser(" ", { publicMetadata: {} }),
  updateUserMetadata: (api) => api.users.updateUserMetadata("", {}),
  replaceUserMetadata: (api) => api.users.replaceUserMetadata("", {}),
  deleteUser: (api) => api.users.deleteUser(""),
  banUser: (api) => api.users.banUser(""),
  unbanUser: (api) => api.users.unbanUser(""),
  lockUser: (api) => api.users.lockUser(""),
  unlockUser: (api) => api.users.unlockUser(""),
  updateUserProfileImage: (api) => api.users.updateUserProfileImage("", { file: new Blob([]) }),
  deleteUserProfileImage: (api) => api.users.deleteUserProfileImage(""),
  verifyPassword: (api) => api.users.verifyPassword({ userId: "", password: "pw" }),
  verifyTOTP: (api) => api.users.verifyTOTP({ userId: "", code: "000000" }),
  getUserOauthAccessToken: (api) => api.users.getUserOauthAccessToken("", "google"),
  getOrganizationMembershipList: (api) => api.users.getOrganizationMembershipList({ userId: "" }),
  getOrganizationInvitationList: (api) => api.users.getOrganizationInvitationList({ userId: "" }),
});

describe("users api: argument checks", () => {
  it("rejects an empty id before any request", async () => {
    const fake = createFakeFetch(() => jsonResponse(userJson()));
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    await expect(api.users.getUser("")).rejects.toMatchObject({ code: "invalid-resource-id" });
    expect(fake.calls).toHaveLength(0);
  });

  it("user conveniences find primary identifiers", async () => {
    const fake = createFakeFetch(() =>
      jsonResponse(
        userJson({
          first_name: null,
          last_name: "Hopper",
          primary_email_address_id: "idn_b",
          email_addresses: [
            emailAddressJson({ id: "idn_a", email_address: "a@x.com" }),
            emailAddressJson({ id: "idn_b", email_address: "b@x.com" }),
          ],
        }),
      ),
    );
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    const u = await api.users.getUser("user_1");
    expect(u.fullName).toBe("Hopper");
    expect(u.primaryEmailAddress?.emailAddress).toBe("b@x.com");
    expect(Object.keys(u)).not.toContain("primaryEmailAddress");
  });
});
