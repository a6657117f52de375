import { expect } from "vitest";
import { describeApiScenarios, describeEmptyIdChecks } from "./api-scenarios.test-helpers.js";
import {
  deletedJson,
  membershipJson,
  organizationJson,
  orgInvitationJson,
  page,
} from "./fixtures.test-helpers.js";
import type { Organization } from "./resources/organization.js";
import type { OrganizationInvitation } from "./resources/organization-invitation.js";
import type { OrganizationMembership } from "./resources/organization-membership.js";
import type { PaginatedResourceResponse } from "./resources/paginated-list.js";

const org = () => organizationJson();

describeApiScenarios("organizations api", [
  {
    name: "getOrganizationList sends filters with repeated array keys",
    call: (api) =>
      api.organizations.getOrganizationList({
        query: "acme",
        userId: ["user_1", "user_2"],
        organizationId: ["org_1"],
        includeMembersCount: true,
        orderBy: "-members_count",
        limit: 25,
        offset: 50,
      }),
    expected: [
      {
        method: "GET",
        path: "/organizations",
        query: {
          query: "acme",
          user_id: ["user_1", "user_2"],
          organization_id: "org_1",
          include_members_count: "true",
          order_by: "-members_count",
          limit: "25",
          offset: "50",
        },
      },
    ],
    reply: () => page([organizationJson({ members_count: 3 })], 51),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<Organization>;
      expect(totalCount).toBe(51);
      expect(data[0]).toMatchObject({ id: "org_1", slug: "acme", membersCount: 3 });
      expect(data[0]?.publicMetadata).toEqual({ billing_tier: "gold" });
    },
  },
  {
    name: "getOrganizationList without params",
    call: (api) => api.organizations.getOrganizationList(),
    expected: [{ method: "GET", path: "/organizations" }],
    reply: () => page([]),
    check: (result) => expect(result).toEqual({ data: [], totalCount: 0 }),
  },
  {
    name: "createOrganization POSTs snake_case params with metadata verbatim",
    call: (api) =>
      api.organizations.createOrganization({
        name: "Acme",
        slug: "acme",
        createdBy: "user_1",
        maxAllowedMemberships: 5,
        publicMetadata: { billingTier: "gold" },
        privateMetadata: { crm_id: 9 },
      }),
    expected: [
      {
        method: "POST",
        path: "/organizations",
        body: {
          name: "Acme",
          slug: "acme",
          created_by: "user_1",
          max_allowed_memberships: 5,
          public_metadata: { billingTier: "gold" },
          private_metadata: { crm_id: 9 },
        },
      },
    ],
    reply: () =>
      organizationJson({
        public_metadata: { billingTier: "gold" },
        private_metadata: { crm_id: 9 },
        created_by: "user_1",
      }),
    check: (result) => {
      const o = result as Organization;
      expect(o.publicMetadata).toEqual({ billingTier: "gold" });
      expect(o.privateMetadata).toEqual({ crm_id: 9 });
      expect(o.createdBy).toBe("user_1");
      expect(o.maxAllowedMemberships).toBe(5);
      expect(o.adminDeleteEnabled).toBe(true);
    },
  },
  {
    name: "getOrganization by id",
    call: (api) => api.organizations.getOrganization({ organizationId: "org_1" }),
    expected: [{ method: "GET", path: "/organizations/org_1" }],
    reply: () => org(),
    check: (result) => expect(result).toMatchObject({ id: "org_1", name: "Acme", hasImage: false }),
  },
  {
    name: "getOrganization by slug, with the members count",
    call: (api) => api.organizations.getOrganization({ slug: "acme", includeMembersCount: true }),
    expected: [
      { method: "GET", path: "/organizations/acme", query: { include_members_count: "true" } },
    ],
    reply: () => organizationJson({ members_count: 2 }),
    check: (result) => expect((result as Organization).membersCount).toBe(2),
  },
  {
    name: "updateOrganization PATCHes attributes only",
    call: (api) =>
      api.organizations.updateOrganization("org_1", {
        name: "Acme Inc",
        adminDeleteEnabled: false,
        maxAllowedMemberships: 10,
      }),
    expected: [
      {
        method: "PATCH",
        path: "/organizations/org_1",
        body: { name: "Acme Inc", admin_delete_enabled: false, max_allowed_memberships: 10 },
      },
    ],
    reply: () => organizationJson({ name: "Acme Inc", admin_delete_enabled: false }),
    check: (result) =>
      expect(result).toMatchObject({ name: "Acme Inc", adminDeleteEnabled: false }),
  },
  {
    name: "updateOrganization with metadata (deprecated) PATCHes attributes, then PUTs metadata",
    call: (api) =>
      api.organizations.updateOrganization("org_1", {
        name: "Acme Inc",
        publicMetadata: { plan: "pro" },
      }),
    expected: [
      { method: "PATCH", path: "/organizations/org_1", body: { name: "Acme Inc" } },
      {
        method: "PUT",
        path: "/organizations/org_1/metadata",
        body: { public_metadata: { plan: "pro" } },
      },
    ],
    reply: (call) =>
      call.method === "PUT"
        ? organizationJson({ name: "Acme Inc", public_metadata: { plan: "pro" } })
        : organizationJson({ name: "Acme Inc" }),
    check: (result) => expect((result as Organization).publicMetadata).toEqual({ plan: "pro" }),
  },
  {
    name: "updateOrganization with metadata only makes one request",
    call: (api) =>
      api.organizations.updateOrganization("org_1", { privateMetadata: { crm_id: 1 } }),
    expected: [
      {
        method: "PUT",
        path: "/organizations/org_1/metadata",
        body: { private_metadata: { crm_id: 1 } },
      },
    ],
    reply: () => organizationJson({ private_metadata: { crm_id: 1 } }),
  },
  {
    name: "updateOrganizationMetadata PATCHes /metadata with keys untouched and null kept",
    call: (api) =>
      api.organizations.updateOrganizationMetadata("org_1", {
        publicMetadata: { billing_tier: null, newKey: { deep_key: 1 } },
      }),
    expected: [
      {
        method: "PATCH",
        path: "/organizations/org_1/metadata",
        body: { public_metadata: { billing_tier: null, newKey: { deep_key: 1 } } },
      },
    ],
    reply: () => organizationJson({ public_metadata: { newKey: { deep_key: 1 } } }),
    check: (result) =>
      expect((result as Organization).publicMetadata).toEqual({ newKey: { deep_key: 1 } }),
  },
  {
    name: "replaceOrganizationMetadata PUTs /metadata",
    call: (api) => api.organizations.replaceOrganizationMetadata("org_1", { publicMetadata: {} }),
    expected: [
      { method: "PUT", path: "/organizations/org_1/metadata", body: { public_metadata: {} } },
    ],
    reply: () => organizationJson({ public_metadata: {} }),
  },
  {
    name: "deleteOrganization answers the deleted object",
    call: (api) => api.organizations.deleteOrganization("org_1"),
    expected: [{ method: "DELETE", path: "/organizations/org_1" }],
    reply: () => ({ ...deletedJson("organization", "org_1"), slug: "acme" }),
    check: (result) =>
      expect(result).toEqual({ object: "organization", id: "org_1", slug: "acme", deleted: true }),
  },
  {
    name: "getOrganizationMembershipList sends filters below the organization",
    call: (api) =>
      api.organizations.getOrganizationMembershipList({
        organizationId: "org_1",
        role: ["org:admin", "org:member"],
        emailAddressQuery: "example.com",
        createdAtAfter: 1_700_000_000_000,
        orderBy: "+first_name",
        limit: 3,
      }),
    expected: [
      {
        method: "GET",
        path: "/organizations/org_1/memberships",
        query: {
          role: ["org:admin", "org:member"],
          email_address_query: "example.com",
          created_at_after: "1700000000000",
          order_by: "+first_name",
          limit: "3",
        },
      },
    ],
    reply: () => page([membershipJson()], 4),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<OrganizationMembership>;
      expect(totalCount).toBe(4);
      const membership = data[0];
      expect(membership?.role).toBe("org:admin");
      expect(membership?.permissions).toEqual(["org:sys_memberships:manage"]);
      expect(membership?.publicMetadata).toEqual({ team_name: "core" });
      expect(membership?.organization.id).toBe("org_1");
      expect(membership?.publicUserData).toMatchObject({
        userId: "user_1",
        firstName: "Ada",
        identifier: "ada@example.com",
      });
    },
  },
  {
    name: "createOrganizationMembership POSTs user, role and metadata",
    call: (api) =>
      api.organizations.createOrganizationMembership({
        organizationId: "org_1",
        userId: "user_2",
        role: "org:member",
        publicMetadata: { teamName: "ops" },
      }),
    expected: [
      {
        method: "POST",
        path: "/organizations/org_1/memberships",
        body: { user_id: "user_2", role: "org:member", public_metadata: { teamName: "ops" } },
      },
    ],
    reply: () =>
      membershipJson({ id: "orgmem_2", role: "org:member", public_metadata: { teamName: "ops" } }),
    check: (result) =>
      expect(result).toMatchObject({ id: "orgmem_2", publicMetadata: { teamName: "ops" } }),
  },
  {
    name: "updateOrganizationMembership PATCHes the role",
    call: (api) =>
      api.organizations.updateOrganizationMembership({
        organizationId: "org_1",
        userId: "user_1",
        role: "org:member",
      }),
    expected: [
      {
        method: "PATCH",
        path: "/organizations/org_1/memberships/user_1",
        body: { role: "org:member" },
      },
    ],
    reply: () => membershipJson({ role: "org:member" }),
    check: (result) => expect((result as OrganizationMembership).role).toBe("org:member"),
  },
  {
    name: "updateOrganizationMembershipMetadata PATCHes /metadata",
    call: (api) =>
      api.organizations.updateOrganizationMembershipMetadata({
        organizationId: "org_1",
        userId: "user_1",
        publicMetadata: { team_name: null },
        privateMetadata: { reviewNote: "ok" },
      }),
    expected: [
      {
        method: "PATCH",
        path: "/organizations/org_1/memberships/user_1/metadata",
        body: {
          public_metadata: { team_name: null },
          private_metadata: { reviewNote: "ok" },
        },
      },
    ],
    reply: () => membershipJson({ public_metadata: {}, private_metadata: { reviewNote: "ok" } }),
    check: (result) =>
      expect((result as OrganizationMembership).privateMetadata).toEqual({ reviewNote: "ok" }),
  },
  {
    name: "deleteOrganizationMembership answers the removed membership",
    call: (api) =>
      api.organizations.deleteOrganizationMembership({ organizationId: "org_1", userId: "user_1" }),
    expected: [{ method: "DELETE", path: "/organizations/org_1/memberships/user_1" }],
    reply: () => membershipJson(),
    check: (result) => expect((result as OrganizationMembership).id).toBe("orgmem_1"),
  },
  {
    name: "createOrganizationInvitation POSTs below the organization",
    call: (api) =>
      api.organizations.createOrganizationInvitation({
        organizationId: "org_1",
        emailAddress: "grace@example.com",
        role: "org:member",
        inviterUserId: "user_1",
        redirectUrl: "https://app.example/join",
        expiresInDays: 3,
        publicMetadata: { source: "admin_panel" },
      }),
    expected: [
      {
        method: "POST",
        path: "/organizations/org_1/invitations",
        body: {
          email_address: "grace@example.com",
          role: "org:member",
          inviter_user_id: "user_1",
          redirect_url: "https://app.example/join",
          expires_in_days: 3,
          public_metadata: { source: "admin_panel" },
        },
      },
    ],
    reply: () => orgInvitationJson({ public_metadata: { source: "admin_panel" } }),
    check: (result) => {
      const invitation = result as OrganizationInvitation;
      expect(invitation.emailAddress).toBe("grace@example.com");
      expect(invitation.roleName).toBe("Member");
      expect(invitation.organizationId).toBe("org_1");
      expect(invitation.inviterId).toBe("user_1");
      expect(invitation.publicMetadata).toEqual({ source: "admin_panel" });
      expect(invitation).toHaveProperty("publicInviterData.userId", "user_1");
    },
  },
  {
    name: "getOrganizationInvitationList sends several statuses as repeated keys",
    call: (api) =>
      api.organizations.getOrganizationInvitationList({
        organizationId: "org_1",
        status: ["pending", "accepted"],
        limit: 10,
        offset: 10,
      }),
    expected: [
      {
        method: "GET",
        path: "/organizations/org_1/invitations",
        query: { status: ["pending", "accepted"], limit: "10", offset: "10" },
      },
    ],
    reply: () => page([orgInvitationJson(), orgInvitationJson({ id: "orginv_2" })], 12),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<OrganizationInvitation>;
      expect(totalCount).toBe(12);
      expect(data.map((i) => i.id)).toEqual(["orginv_1", "orginv_2"]);
    },
  },
  {
    name: "getOrganizationInvitation",
    call: (api) =>
      api.organizations.getOrganizationInvitation({
        organizationId: "org_1",
        invitationId: "orginv_1",
      }),
    expected: [{ method: "GET", path: "/organizations/org_1/invitations/orginv_1" }],
    reply: () => orgInvitationJson(),
    check: (result) => expect(result).toMatchObject({ id: "orginv_1", status: "pending" }),
  },
  {
    name: "revokeOrganizationInvitation POSTs the requesting user",
    call: (api) =>
      api.organizations.revokeOrganizationInvitation({
        organizationId: "org_1",
        invitationId: "orginv_1",
        requestingUserId: "user_1",
      }),
    expected: [
      {
        method: "POST",
        path: "/organizations/org_1/invitations/orginv_1/revoke",
        body: { requesting_user_id: "user_1" },
      },
    ],
    reply: () => orgInvitationJson({ status: "revoked" }),
    check: (result) => expect((result as OrganizationInvitation).status).toBe("revoked"),
  },
  {
    name: "revokeOrganizationInvitation without a requesting user sends an empty object",
    call: (api) =>
      api.organizations.revokeOrganizationInvitation({
        organizationId: "org_1",
        invitationId: "orginv_1",
      }),
    expected: [
      { method: "POST", path: "/organizations/org_1/invitations/orginv_1/revoke", body: {} },
    ],
    reply: () => orgInvitationJson({ status: "revoked" }),
  },
]);

describeEmptyIdChecks("organizations api", {
  "getOrganization (id)": (api) => api.organizations.getOrganization({ organizationId: "" }),
  "getOrganization (slug)": (api) => api.organizations.getOrganization({ slug: " " }),
  updateOrganization: (api) => api.organizations.updateOrganization("", { name: "x" }),
  updateOrganizationMetadata: (api) => api.organizations.updateOrganizationMetadata("", {}),
  deleteOrganization: (api) => api.organizations.deleteOrganization(""),
  getOrganizationMembershipList: (api) =>
    api.organizations.getOrganizationMembershipList({ organizationId: "" }),
  createOrganizationMembership: (api) =>
    api.organizations.createOrganizationMembership({
      organizationId: "",
      userId: "user_1",
      role: "org:member",
    }),
  updateOrganizationMembership: (api) =>
    api.organizations.updateOrganizationMembership({
      organizationId: "org_1",
      userId: "",
      role: "org:member",
    }),
  updateOrganizationMembershipMetadata: (api) =>
    api.organizations.updateOrganizationMembershipMetadata({ organizationId: "org_1", userId: "" }),
  deleteOrganizationMembership: (api) =>
    api.organizations.deleteOrganizationMembership({ organizationId: "", userId: "user_1" }),
  createOrganizationInvitation: (api) =>
    api.organizations.createOrganizationInvitation({
      organizationId: "",
      emailAddress: "a@example.com",
      role: "org:member",
    }),
  getOrganizationInvitationList: (api) =>
    api.organizations.getOrganizationInvitationList({ organizationId: "" }),
  getOrganizationInvitation: (api) =>
    api.organizations.getOrganizationInvitation({ organizationId: "org_1", invitationId: "" }),
  revokeOrganizationInvitation: (api) =>
    api.organizations.revokeOrganizationInvitation({ organizationId: "org_1", invitationId: "" }),
});
