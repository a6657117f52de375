import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
import { acceptOrganizationInvitation } from "../../flows/invitations/accept-organization-invitation.js";
import { createInvitation } from "../../flows/invitations/create-invitation.js";
import { createOrganizationInvitation } from "../../flows/invitations/create-organization-invitation.js";
import { revokeInvitation } from "../../flows/invitations/revoke-invitation.js";
import { revokeOrganizationInvitation } from "../../flows/invitations/revoke-organization-invitation.js";
import { createOrganization } from "../../flows/organizations/create-organization.js";
import { createOrganizationMembership } from "../../flows/organizations/create-organization-membership.js";
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
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        const invitation = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
            inviterUserId: ada.id,
            publicMetadata: { team: "x" },
            expiresInDays: 7,
          })
        ).invitation;
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
          createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "BOB@example.com",
            role: "org:admin",
          }).then((result) => result.invitation),
        );
        expect(dup.code).toBe("organization_invitation_not_unique");
        expect(await eventTypes()).toContain("organizationInvitation.created");
      });

      it("refuses unknown roles, non-admin inviters, members and unknown organizations", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com");
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        (
          await createOrganizationMembership(ctx.store, org.id, {
            userId: bob.id,
            role: "org:member",
          })
        ).membership;
        const input = { emailAddress: "carol@example.com", role: "org:member" };
        /** Why inviting to an organization is refused. */
        const refusal = (
          organizationId: string,
          invitation: Parameters<typeof createOrganizationInvitation>[2],
        ) => rejection(createOrganizationInvitation(ctx.store, organizationId, invitation));
        expect((await refusal(org.id, { ...input, role: "x" })).paramName).toBe("role");
        expect((await refusal(org.id, { ...input, inviterUserId: bob.id })).code).toBe(
          "missing_organization_permission",
        );
        expect((await refusal(org.id, { ...input, inviterUserId: "user_x" })).code).toBe(
          "resource_not_found",
        );
        expect((await refusal(org.id, { ...input, emailAddress: "bob@example.com" })).code).toBe(
          "already_a_member_in_organization",
        );
        expect((await refusal("org_x", input)).code).toBe("resource_not_found");
      });

      it("reports expiry, and an expired invitation no longer blocks a new one", async () => {
        const org = (await createOrganization(ctx.store, { name: "Team" })).organization;
        const first = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
            expiresInDays: 1,
          })
        ).invitation;
        clock.advance(DAY + 1);
        expect((await ctx.store.getOrganizationInvitation(org.id, first.id))?.status).toBe(
          "expired",
        );
        expect((await ctx.store.getOrganization(org.id))?.pendingInvitationsCount).toBe(0);
        const second = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
          })
        ).invitation;
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
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        (
          await createOrganizationMembership(ctx.store, org.id, {
            userId: bob.id,
            role: "org:member",
          })
        ).membership;
        const invitation = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "carol@example.com",
            role: "org:member",
          })
        ).invitation;
        const notAdmin = await rejection(
          revokeOrganizationInvitation(ctx.store, org.id, invitation.id, {
            requestingUserId: bob.id,
          }).then((result) => result.invitation),
        );
        expect(notAdmin.code).toBe("missing_organization_permission");
        const revoked = (
          await revokeOrganizationInvitation(ctx.store, org.id, invitation.id, {
            requestingUserId: ada.id,
          })
        ).invitation;
        expect(revoked.status).toBe("revoked");
        const again = await rejection(
          revokeOrganizationInvitation(ctx.store, org.id, invitation.id).then(
            (result) => result.invitation,
          ),
        );
        expect(again.code).toBe("organization_invitation_not_pending");
        const elsewhere = (await createOrganization(ctx.store, { name: "Other" })).organization;
        expect(
          (
            await rejection(
              revokeOrganizationInvitation(ctx.store, elsewhere.id, invitation.id).then(
                (result) => result.invitation,
              ),
            )
          ).code,
        ).toBe("resource_not_found");
        expect(await eventTypes()).toContain("organizationInvitation.revoked");
      });

      it("accepts an invitation: membership with its role and metadata, events, once only", async () => {
        const org = (
          await createOrganization(ctx.store, {
            name: "Team",
            maxAllowedMemberships: 1,
          })
        ).organization;
        const invitation = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "Bob@Example.com",
            role: "org:admin",
            publicMetadata: { a: 1 },
            privateMetadata: { b: 2 },
          })
        ).invitation;
        const bob = await user("bob@example.com");
        clock.advance(1000);
        const { membership, invitation: accepted } = await acceptOrganizationInvitation(
          ctx.store,
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
          acceptOrganizationInvitation(ctx.store, invitation.id, bob.id),
        );
        expect(again.code).toBe("organization_invitation_not_pending");
      });

      it("refuses acceptance by a user without the verified address, and expired ones", async () => {
        const org = (await createOrganization(ctx.store, { name: "Team" })).organization;
        const invitation = (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
            expiresInDays: 1,
          })
        ).invitation;
        const other = await user("mallory@example.com");
        const wrong = await rejection(
          acceptOrganizationInvitation(ctx.store, invitation.id, other.id),
        );
        expect(wrong.code).toBe("organization_invitation_identification_not_exist");
        const unverified = await user("bob@example.com", "unverified");
        expect(
          (await rejection(acceptOrganizationInvitation(ctx.store, invitation.id, unverified.id)))
            .code,
        ).toBe("organization_invitation_identification_not_exist");
        await ctx.store.updateEmailAddress(unverified.emailAddresses[0]!.id, { verified: true });
        clock.advance(2 * DAY);
        expect(
          (await rejection(acceptOrganizationInvitation(ctx.store, invitation.id, unverified.id)))
            .code,
        ).toBe("organization_invitation_not_pending");
        expect(
          (await rejection(acceptOrganizationInvitation(ctx.store, "orginv_x", other.id))).code,
        ).toBe("resource_not_found");
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(0);
      });

      it("lists the invitations addressed to a user's email addresses", async () => {
        const bob = await user("bob@example.com");
        const one = (await createOrganization(ctx.store, { name: "One" })).organization;
        const two = (await createOrganization(ctx.store, { name: "Two" })).organization;
        const a = (
          await createOrganizationInvitation(ctx.store, one.id, {
            emailAddress: "BOB@example.com",
            role: "org:member",
          })
        ).invitation;
        clock.advance(1000);
        const b = (
          await createOrganizationInvitation(ctx.store, two.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
          })
        ).invitation;
        (
          await createOrganizationInvitation(ctx.store, two.id, {
            emailAddress: "someone@example.com",
            role: "org:member",
          })
        ).invitation;
        (await revokeOrganizationInvitation(ctx.store, one.id, a.id)).invitation;
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
        const org = (await createOrganization(ctx.store, { name: "Team" })).organization;
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            createOrganizationInvitation(s, org.id, {
              emailAddress: "bob@example.com",
              role: "org:member",
            }).then((result) => result.invitation),
            createOrganizationInvitation(s, org.id, {
              emailAddress: "Bob@example.com",
              role: "org:admin",
            }).then((result) => result.invitation),
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
        const first = (
          await createInvitation(ctx.store, {
            emailAddress: "new@example.com",
            publicMetadata: { plan: "beta" },
            redirectUrl: "https://app.example.com/welcome",
          })
        ).invitation;
        expect(first).toMatchObject({
          emailAddress: "new@example.com",
          status: "pending",
          publicMetadata: { plan: "beta" },
          notify: true,
          expiresAt: START + 30 * DAY,
        });
        expect(first.id).toMatch(/^inv_/);
        clock.advance(1000);
        const second = (await createInvitation(ctx.store, { emailAddress: "other@example.com" }))
          .invitation;
        const revoked = (await revokeInvitation(ctx.store, second.id)).invitation;
        expect(revoked.status).toBe("revoked");
        expect(
          (
            await rejection(
              revokeInvitation(ctx.store, second.id).then((result) => result.invitation),
            )
          ).code,
        ).toBe("invitation_already_revoked");
        expect(
          (
            await rejection(
              revokeInvitation(ctx.store, "inv_missing").then((result) => result.invitation),
            )
          ).code,
        ).toBe("resource_not_found");
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
          createInvitation(ctx.store, { emailAddress: "TAKEN@example.com" }).then(
            (result) => result.invitation,
          ),
        );
        expect(taken.code).toBe("form_identifier_exists");
        expect(taken.paramName).toBe("email_address");
        (
          await createInvitation(ctx.store, {
            emailAddress: "taken@example.com",
            ignoreExisting: true,
          })
        ).invitation;

        (await createInvitation(ctx.store, { emailAddress: "dup@example.com" })).invitation;
        const dup = await rejection(
          createInvitation(ctx.store, { emailAddress: "dup@example.com" }).then(
            (result) => result.invitation,
          ),
        );
        expect(dup.code).toBe("duplicate_record");
        expect(dup.meta).toEqual({ email_addresses: ["dup@example.com"] });
        (
          await createInvitation(ctx.store, {
            emailAddress: "dup@example.com",
            ignoreExisting: true,
          })
        ).invitation;
        expect((await ctx.store.listInvitations({ query: "dup@" }, NEWEST)).totalCount).toBe(2);
      });

      it("lets exactly one of several concurrent invitations of an address win", async () => {
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            createInvitation(s, { emailAddress: "race@example.com" }).then(
              (result) => result.invitation,
            ),
            createInvitation(s, { emailAddress: "RACE@example.com" }).then(
              (result) => result.invitation,
            ),
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
