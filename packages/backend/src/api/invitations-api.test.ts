import { expect } from "vitest";
import { describeApiScenarios, describeEmptyIdChecks } from "./api-scenarios.test-helpers.js";
import { invitationJson, page } from "./fixtures.test-helpers.js";
import type { Invitation } from "./resources/invitation.js";
import type { PaginatedResourceResponse } from "./resources/paginated-list.js";

describeApiScenarios("invitations api", [
  {
    name: "getInvitationList sends filters and asks for pagination",
    call: (api) =>
      api.invitations.getInvitationList({
        status: "pending",
        query: "grace",
        orderBy: "-created_at",
        limit: 20,
        offset: 40,
      }),
    expected: [
      {
        method: "GET",
        path: "/invitations",
        query: {
          status: "pending",
          query: "grace",
          order_by: "-created_at",
          limit: "20",
          offset: "40",
          paginated: "true",
        },
      },
    ],
    reply: () => page([invitationJson()], 41),
    check: (result) => {
      const { data, totalCount } = result as PaginatedResourceResponse<Invitation>;
      expect(totalCount).toBe(41);
      expect(data[0]).toMatchObject({ id: "inv_1", emailAddress: "grace@example.com" });
      expect(data[0]?.publicMetadata).toEqual({ invited_by: "ada" });
    },
  },
  {
    name: "getInvitationList without params",
    call: (api) => api.invitations.getInvitationList(),
    expected: [{ method: "GET", path: "/invitations", query: { paginated: "true" } }],
    reply: () => page([]),
    check: (result) => expect(result).toEqual({ data: [], totalCount: 0 }),
  },
  {
    name: "createInvitation POSTs snake_case params with metadata verbatim",
    call: (api) =>
      api.invitations.createInvitation({
        emailAddress: "grace@example.com",
        publicMetadata: { invitedBy: "ada", team_id: 7 },
        redirectUrl: "https://app.example/accept",
        notify: false,
        ignoreExisting: true,
        expiresInDays: 7,
        templateSlug: "invitation",
      }),
    expected: [
      {
        method: "POST",
        path: "/invitations",
        body: {
          email_address: "grace@example.com",
          public_metadata: { invitedBy: "ada", team_id: 7 },
          redirect_url: "https://app.example/accept",
          notify: false,
          ignore_existing: true,
          expires_in_days: 7,
          template_slug: "invitation",
        },
      },
    ],
    reply: () =>
      invitationJson({
        public_metadata: { invitedBy: "ada", team_id: 7 },
        url: "https://accounts.example/accept?ticket=x",
        expires_at: 1_767_830_400_000,
      }),
    check: (result) => {
      const invitation = result as Invitation;
      expect(invitation.publicMetadata).toEqual({ invitedBy: "ada", team_id: 7 });
      expect(invitation.url).toBe("https://accounts.example/accept?ticket=x");
      expect(invitation.expiresAt).toBe(1_767_830_400_000);
      expect(invitation.status).toBe("pending");
    },
  },
  {
    name: "revokeInvitation POSTs without a body",
    call: (api) => api.invitations.revokeInvitation("inv_1"),
    expected: [{ method: "POST", path: "/invitations/inv_1/revoke" }],
    reply: () => invitationJson({ status: "revoked", revoked: true }),
    check: (result) => expect(result).toMatchObject({ status: "revoked", revoked: true }),
  },
]);

describeEmptyIdChecks("invitations api", {
  revokeInvitation: (api) => api.invitations.revokeInvitation(""),
});
