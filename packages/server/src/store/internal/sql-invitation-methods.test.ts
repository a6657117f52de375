import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_700_000_000_000;
const DAY = 86_400_000;
const FIRST_PAGE = { limit: 10, offset: 0 };
const NEWEST = {
  ...FIRST_PAGE,
  orderBy: { field: "created_at" as const, direction: "desc" as const },
};

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Invitation store contract", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;

    const eventTypes = async () =>
      (
        await ctx.db.query<{ event_type: string }>(
          "SELECT event_type FROM webhook_outbox WHERE event_type LIKE 'organization%' ORDER BY seq",
        )
      ).map((row) => row.event_type);

    const user = (email: string, status: "verified" | "unverified" = "verified") =>
      ctx.store.createUser({ emailAddresses: [{ emailAddress: email, status }] });

    describe("organization invitations", () => {
      it("creates a pending invitation and refuses a second pending one for the address", async () => {
        const ada = await user("ada@example.com");
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        const invitation = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
          inviterUserId: ada.id,
          publicMetadata: { team: "x" },
          expiresInDays: 7,
        });
        expect(invitation).toMatchObject({
          emailAddress: "bob@example.com",
          role: "org:member",
          roleName: "Member",
          status: "pending",
          inviterUserId: ada.id,
          inviter: { id: ada.id },
          publicMetadata: { team: "x" },
          expiresAt: START + 7 * DAY,
          organization: { id: org.id, pendingInvitationsCount: 1 },
        });
        expect(invitation.id).toMatch(/^orginv_/);
        const dup = await rejection(
          ctx.store.createOrganizationInvitation(org.id, {
            emailAddress: "BOB@example.com",
            role: "org:admin",
          }),
        );
        expect(dup.code).toBe("organization_invitation_not_unique");
        expect(await eventTypes()).toContain("organizationInvitation.created");
      });

      it("refuses unknown roles, non-admin inviters, members and unknown organizations", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com");
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        await ctx.store.createOrganizationMembership(org.id, {
          userId: bob.id,
          role: "org:member",
        });
        const input = { emailAddress: "carol@example.com", role: "org:member" };
        expect(
          (await rejection(ctx.store.createOrganizationInvitation(org.id, { ...input, role: "x" })))
            .paramName,
        ).toBe("role");
        expect(
          (
            await rejection(
              ctx.store.createOrganizationInvitation(org.id, { ...input, inviterUserId: bob.id }),
            )
          ).code,
        ).toBe("missing_organization_permission");
        expect(
          (
            await rejection(
              ctx.store.createOrganizationInvitation(org.id, {
                ...input,
                inviterUserId: "user_x",
              }),
            )
          ).code,
        ).toBe("resource_not_found");
        expect(
          (
            await rejection(
              ctx.store.createOrganizationInvitation(org.id, {
                ...input,
                emailAddress: "bob@example.com",
              }),
            )
          ).code,
        ).toBe("already_a_member_in_organization");
        expect((await rejection(ctx.store.createOrganizationInvitation("org_x", input))).code).toBe(
          "resource_not_found",
        );
      });

      it("reports expiry, and an expired invitation no longer blocks a new one", async () => {
        const org = await ctx.store.createOrganization({ name: "Team" });
        const first = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
          expiresInDays: 1,
        });
        clock.advance(DAY + 1);
        expect((await ctx.store.getOrganizationInvitation(org.id, first.id))?.status).toBe(
          "expired",
        );
        expect((await ctx.store.getOrganization(org.id))?.pendingInvitationsCount).toBe(0);
        const second = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
        });
        const expired = await ctx.store.listOrganizationInvitations(
          org.id,
          { statuses: ["expired"] },
          NEWEST,
        );
        expect(expired.data.map((i) => i.id)).toEqual([first.id]);
        const pending = await ctx.store.listOrganizationInvitations(
          org.id,
          { statuses: ["pending"] },
          NEWEST,
        );
        expect(pending.data.map((i) => i.id)).toEqual([second.id]);
      });

      it("revokes pending invitations only", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com");
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        await ctx.store.createOrganizationMembership(org.id, {
          userId: bob.id,
          role: "org:member",
        });
        const invitation = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "carol@example.com",
          role: "org:member",
        });
        const notAdmin = await rejection(
          ctx.store.revokeOrganizationInvitation(org.id, invitation.id, {
            requestingUserId: bob.id,
          }),
        );
        expect(notAdmin.code).toBe("missing_organization_permission");
        const revoked = await ctx.store.revokeOrganizationInvitation(org.id, invitation.id, {
          requestingUserId: ada.id,
        });
        expect(revoked.status).toBe("revoked");
        const again = await rejection(
          ctx.store.revokeOrganizationInvitation(org.id, invitation.id),
        );
        expect(again.code).toBe("organization_invitation_not_pending");
        const elsewhere = await ctx.store.createOrganization({ name: "Other" });
        expect(
          (await rejection(ctx.store.revokeOrganizationInvitation(elsewhere.id, invitation.id)))
            .code,
        ).toBe("resource_not_found");
        expect(await eventTypes()).toContain("organizationInvitation.revoked");
      });

      it("accepts an invitation: membership with its role and metadata, events, once only", async () => {
        const org = await ctx.store.createOrganization({
          name: "Team",
          maxAllowedMemberships: 1,
        });
        const invitation = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "Bob@Example.com",
          role: "org:admin",
          publicMetadata: { a: 1 },
          privateMetadata: { b: 2 },
        });
        const bob = await user("bob@example.com");
        clock.advance(1000);
        const { membership, invitation: accepted } = await ctx.store.acceptOrganizationInvitation(
          invitation.id,
          bob.id,
        );
        expect(membership).toMatchObject({
          userId: bob.id,
          role: "org:admin",
          publicMetadata: { a: 1 },
          privateMetadata: { b: 2 },
          organization: { membersCount: 1, pendingInvitationsCount: 0 },
        });
        expect(accepted).toMatchObject({
          status: "accepted",
          acceptedUserId: bob.id,
          updatedAt: START + 1000,
        });
        const types = await eventTypes();
        expect(types.slice(-2)).toEqual([
          "organizationMembership.created",
          "organizationInvitation.accepted",
        ]);
        const again = await rejection(
          ctx.store.acceptOrganizationInvitation(invitation.id, bob.id),
        );
        expect(again.code).toBe("organization_invitation_not_pending");
      });

      it("refuses acceptance by a user without the verified address, and expired ones", async () => {
        const org = await ctx.store.createOrganization({ name: "Team" });
        const invitation = await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
          expiresInDays: 1,
        });
        const other = await user("mallory@example.com");
        const wrong = await rejection(
          ctx.store.acceptOrganizationInvitation(invitation.id, other.id),
        );
        expect(wrong.code).toBe("organization_invitation_identification_not_exist");
        const unverified = await user("bob@example.com", "unverified");
        expect(
          (await rejection(ctx.store.acceptOrganizationInvitation(invitation.id, unverified.id)))
            .code,
        ).toBe("organization_invitation_identification_not_exist");
        await ctx.store.updateEmailAddress(unverified.emailAddresses[0]!.id, { verified: true });
        clock.advance(2 * DAY);
        expect(
          (await rejection(ctx.store.acceptOrganizationInvitation(invitation.id, unverified.id)))
            .code,
        ).toBe("organization_invitation_not_pending");
        expect(
          (await rejection(ctx.store.acceptOrganizationInvitation("orginv_x", other.id))).code,
        ).toBe("resource_not_found");
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(0);
      });

      it("lists the invitations addressed to a user's email addresses", async () => {
        const bob = await user("bob@example.com");
        const one = await ctx.store.createOrganization({ name: "One" });
        const two = await ctx.store.createOrganization({ name: "Two" });
        const a = await ctx.store.createOrganizationInvitation(one.id, {
          emailAddress: "BOB@example.com",
          role: "org:member",
        });
        clock.advance(1000);
        const b = await ctx.store.createOrganizationInvitation(two.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
        });
        await ctx.store.createOrganizationInvitation(two.id, {
          emailAddress: "someone@example.com",
          role: "org:member",
        });
        await ctx.store.revokeOrganizationInvitation(one.id, a.id);
        const all = await ctx.store.listUserOrganizationInvitations(bob.id, {}, FIRST_PAGE);
        expect(all.data.map((i) => i.id)).toEqual([b.id, a.id]);
        expect(all.totalCount).toBe(2);
        const pending = await ctx.store.listUserOrganizationInvitations(
          bob.id,
          { statuses: ["pending"] },
          FIRST_PAGE,
        );
        expect(pending.data.map((i) => i.id)).toEqual([b.id]);
      });

      it("lets exactly one of several concurrent invitations of an address win", async () => {
        const org = await ctx.store.createOrganization({ name: "Team" });
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            s.createOrganizationInvitation(org.id, {
              emailAddress: "bob@example.com",
              role: "org:member",
            }),
            s.createOrganizationInvitation(org.id, {
              emailAddress: "Bob@example.com",
              role: "org:admin",
            }),
          ]),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results) {
          if (r.status === "rejected") {
            expect((r.reason as ApiError).code).toBe("organization_invitation_not_unique");
          }
        }
      });
    });

    describe("application invitations", () => {
      it("creates, lists, filters and revokes invitations", async () => {
        const first = await ctx.store.createInvitation({
          emailAddress: "new@example.com",
          publicMetadata: { plan: "beta" },
          redirectUrl: "https://app.example.com/welcome",
        });
        expect(first).toMatchObject({
          emailAddress: "new@example.com",
          status: "pending",
          publicMetadata: { plan: "beta" },
          notify: true,
          expiresAt: START + 30 * DAY,
        });
        expect(first.id).toMatch(/^inv_/);
        clock.advance(1000);
        const second = await ctx.store.createInvitation({ emailAddress: "other@example.com" });
        const revoked = await ctx.store.revokeInvitation(second.id);
        expect(revoked.status).toBe("revoked");
        expect((await rejection(ctx.store.revokeInvitation(second.id))).code).toBe(
          "invitation_already_revoked",
        );
        expect((await rejection(ctx.store.revokeInvitation("inv_missing"))).code).toBe(
          "resource_not_found",
        );
        const all = await ctx.store.listInvitations({}, NEWEST);
        expect(all.data.map((i) => i.id)).toEqual([second.id, first.id]);
        const pending = await ctx.store.listInvitations({ statuses: ["pending"] }, NEWEST);
        expect(pending.data.map((i) => i.id)).toEqual([first.id]);
        const query = await ctx.store.listInvitations({ query: "NEW@" }, NEWEST);
        expect(query.data.map((i) => i.id)).toEqual([first.id]);
        expect((await ctx.store.listInvitations({ query: second.id }, NEWEST)).totalCount).toBe(1);
        const byEmail = await ctx.store.listInvitations(
          {},
          { ...FIRST_PAGE, orderBy: { field: "email_address", direction: "asc" } },
        );
        expect(byEmail.data.map((i) => i.emailAddress)).toEqual([
          "new@example.com",
          "other@example.com",
        ]);
        clock.advance(31 * DAY);
        expect((await ctx.store.getInvitation(first.id))?.status).toBe("expired");
      });

      it("refuses taken addresses and duplicates unless told to ignore them", async () => {
        await user("taken@example.com");
        const taken = await rejection(
          ctx.store.createInvitation({ emailAddress: "TAKEN@example.com" }),
        );
        expect(taken.code).toBe("form_identifier_exists");
        expect(taken.paramName).toBe("email_address");
        await ctx.store.createInvitation({
          emailAddress: "taken@example.com",
          ignoreExisting: true,
        });

        await ctx.store.createInvitation({ emailAddress: "dup@example.com" });
        const dup = await rejection(
          ctx.store.createInvitation({ emailAddress: "dup@example.com" }),
        );
        expect(dup.code).toBe("duplicate_record");
        expect(dup.meta).toEqual({ email_addresses: ["dup@example.com"] });
        await ctx.store.createInvitation({
          emailAddress: "dup@example.com",
          ignoreExisting: true,
        });
        expect((await ctx.store.listInvitations({ query: "dup@" }, NEWEST)).totalCount).toBe(2);
      });

      it("lets exactly one of several concurrent invitations of an address win", async () => {
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            s.createInvitation({ emailAddress: "race@example.com" }),
            s.createInvitation({ emailAddress: "RACE@example.com" }),
          ]),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results) {
          if (r.status === "rejected") {
            expect((r.reason as ApiError).code).toBe("duplicate_record");
          }
        }
      });
    });
  });
}
