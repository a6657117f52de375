import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
import { createOrganizationInvitation } from "../../flows/invitations/create-organization-invitation.js";
import { createOrganization } from "../../flows/organizations/create-organization.js";
import { createOrganizationMembership } from "../../flows/organizations/create-organization-membership.js";
import { deleteOrganization } from "../../flows/organizations/delete-organization.js";
import { deleteOrganizationMembership } from "../../flows/organizations/delete-organization-membership.js";
import {
  setOrganizationMetadata,
  updateOrganization,
} from "../../flows/organizations/update-organization.js";
import {
  setOrganizationMembershipMetadata,
  updateOrganizationMembership,
} from "../../flows/organizations/update-organization-membership.js";
import { webhookEventData } from "../../wire/webhook-event-data.js";
import type { Paging } from "../organization-store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_700_000_000_000;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function page<F extends string>(
  field: F,
  dir: "asc" | "desc" = "desc",
  limit = 10,
  offset = 0,
): Paging<F> {
  return { limit, offset, orderBy: { field, direction: dir } };
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Organization store contract", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, {
      startMs: START,
      store: { renderEventData: webhookEventData({ publicUrl: "https://auth.example.com" }) },
    });
    const { clock } = ctx;

    const events = async () =>
      (
        await ctx.db.query<{ event_type: string; payload: { data: Record<string, unknown> } }>(
          "SELECT event_type, payload FROM webhook_outbox WHERE event_type LIKE 'organization%' ORDER BY seq",
        )
      ).map((row) => ({ type: row.event_type, data: row.payload.data }));

    const user = (email: string, extra: { firstName?: string; username?: string } = {}) =>
      ctx.store.createUser({
        ...extra,
        emailAddresses: [{ emailAddress: email, status: "verified" }],
      });

    describe("organizations", () => {
      it("creates one with a derived slug; the creator becomes its admin, with events", async () => {
        const ada = await user("ada@example.com", { firstName: "Ada" });
        const org = (
          await createOrganization(ctx.store, {
            name: "Acme Corp",
            createdBy: ada.id,
            publicMetadata: { plan: "pro" },
            maxAllowedMemberships: 5,
          })
        ).organization;
        expect(org).toMatchObject({
          name: "Acme Corp",
          slug: "acme-corp",
          createdBy: ada.id,
          membersCount: 1,
          hasAdmin: true,
          maxAllowedMemberships: 5,
          publicMetadata: { plan: "pro" },
          privateMetadata: {},
          createdAt: START,
        });
        expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);
        const membership = await ctx.store.getOrganizationMembership(org.id, ada.id);
        expect(membership).toMatchObject({ role: "org:admin", roleName: "Admin" });
        expect(membership?.id).toMatch(/^orgmem_/);
        expect(membership?.organization.slug).toBe("acme-corp");
        expect(membership?.permissions).toContain("org:sys_memberships:manage");

        const sent = await events();
        expect(sent.map((e) => e.type)).toEqual([
          "organization.created",
          "organizationMembership.created",
        ]);
        expect(sent[0]?.data).toMatchObject({ object: "organization", id: org.id });
        expect(sent[1]?.data).toMatchObject({
          object: "organization_membership",
          role: "org:admin",
          public_user_data: {
            user_id: ada.id,
            identifier: "ada@example.com",
            image_url: "https://auth.example.com/v1/images/default",
          },
        });
      });

      it("suffixes a derived slug that is taken, but refuses a taken explicit slug", async () => {
        const first = (await createOrganization(ctx.store, { name: "Acme" })).organization;
        const second = (await createOrganization(ctx.store, { name: "ACME!" })).organization;
        expect(first.slug).toBe("acme");
        expect(second.slug).toMatch(/^acme-[0-9a-z]{6}$/);
        const error = await rejection(
          createOrganization(ctx.store, { name: "Other", slug: "acme" }).then(
            (result) => result.organization,
          ),
        );
        expect(error.code).toBe("form_identifier_exists");
        expect(error.paramName).toBe("slug");
      });

      it("refuses an unknown creator and leaves nothing behind", async () => {
        const error = await rejection(
          createOrganization(ctx.store, { name: "Ghost", createdBy: "user_missing" }).then(
            (result) => result.organization,
          ),
        );
        expect(error.code).toBe("organization_creator_not_found");
        expect(await ctx.store.getOrganization("ghost")).toBeNull();
        expect(await events()).toEqual([]);
      });

      it("finds by id or slug", async () => {
        const org = (await createOrganization(ctx.store, { name: "Find Me" })).organization;
        expect((await ctx.store.getOrganization(org.id))?.id).toBe(org.id);
        expect((await ctx.store.getOrganization("find-me"))?.id).toBe(org.id);
        expect(await ctx.store.getOrganization("org_nope")).toBeNull();
      });

      it("lists with query, membership filters, ordering, paging and a total", async () => {
        const ada = await user("ada@example.com");
        const a = (await createOrganization(ctx.store, { name: "Alpha", createdBy: ada.id }))
          .organization;
        clock.advance(1000);
        const b = (await createOrganization(ctx.store, { name: "Beta" })).organization;
        clock.advance(1000);
        const c = (await createOrganization(ctx.store, { name: "Gamma alpha" })).organization;

        const all = await ctx.store.listOrganizations({}, page("created_at"));
        expect(all.data.map((o) => o.id)).toEqual([c.id, b.id, a.id]);
        expect(all.totalCount).toBe(3);

        const byName = await ctx.store.listOrganizations({}, page("name", "asc", 2, 1));
        expect(byName.data.map((o) => o.name)).toEqual(["Beta", "Gamma alpha"]);
        expect(byName.totalCount).toBe(3);

        const query = await ctx.store.listOrganizations({ query: "ALPHA" }, page("created_at"));
        expect(query.data.map((o) => o.id)).toEqual([c.id, a.id]);
        expect(
          (await ctx.store.listOrganizations({ query: b.id }, page("created_at"))).data.map(
            (o) => o.id,
          ),
        ).toEqual([b.id]);

        const withAda = await ctx.store.listOrganizations(
          { userIds: { include: [ada.id], exclude: [] } },
          page("created_at"),
        );
        expect(withAda.data.map((o) => o.id)).toEqual([a.id]);
        const withoutAda = await ctx.store.listOrganizations(
          { userIds: { include: [], exclude: [ada.id] } },
          page("created_at"),
        );
        expect(withoutAda.totalCount).toBe(2);

        const byMembers = await ctx.store.listOrganizations({}, page("members_count"));
        expect(byMembers.data[0]?.id).toBe(a.id);
        const excluded = await ctx.store.listOrganizations(
          { organizationIds: { include: [], exclude: [a.id, b.id] } },
          page("created_at"),
        );
        expect(excluded.data.map((o) => o.id)).toEqual([c.id]);
      });

      it("updates fields (slug still unique) and emits organization.updated", async () => {
        const org = (await createOrganization(ctx.store, { name: "Before" })).organization;
        (await createOrganization(ctx.store, { name: "Taken" })).organization;
        clock.advance(5000);
        const updated = (
          await updateOrganization(ctx.store, org.id, {
            name: "After",
            slug: "after",
            maxAllowedMemberships: 3,
            adminDeleteEnabled: false,
          })
        ).organization;
        expect(updated).toMatchObject({
          name: "After",
          slug: "after",
          maxAllowedMemberships: 3,
          adminDeleteEnabled: false,
          updatedAt: START + 5000,
          createdAt: START,
        });
        const taken = await rejection(
          updateOrganization(ctx.store, org.id, { slug: "taken" }).then(
            (result) => result.organization,
          ),
        );
        expect(taken.code).toBe("form_identifier_exists");
        const missing = await rejection(
          updateOrganization(ctx.store, "org_missing", { name: "x" }).then(
            (result) => result.organization,
          ),
        );
        expect(missing.code).toBe("resource_not_found");
        expect((await events()).filter((e) => e.type === "organization.updated")).toHaveLength(1);
      });

      it("merges metadata deeply (null deletes) or replaces it", async () => {
        const org = (
          await createOrganization(ctx.store, {
            name: "Meta",
            publicMetadata: { a: 1, nested: { x: 1, y: 2 } },
            privateMetadata: { secret: "s" },
          })
        ).organization;
        const merged = (
          await setOrganizationMetadata(
            ctx.store,
            org.id,
            { publicMetadata: { a: null, nested: { y: null, z: 3 } } },
            "merge",
          )
        ).organization;
        expect(merged.publicMetadata).toEqual({ nested: { x: 1, z: 3 } });
        expect(merged.privateMetadata).toEqual({ secret: "s" });
        const replaced = (
          await setOrganizationMetadata(
            ctx.store,
            org.id,
            { privateMetadata: { only: true } },
            "replace",
          )
        ).organization;
        expect(replaced.privateMetadata).toEqual({ only: true });
        expect(replaced.publicMetadata).toEqual({ nested: { x: 1, z: 3 } });
      });

      it("deletes with its memberships and invitations, emitting the deleted object", async () => {
        const ada = await user("ada@example.com");
        const org = (await createOrganization(ctx.store, { name: "Doomed", createdBy: ada.id }))
          .organization;
        (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "bob@example.com",
            role: "org:member",
          })
        ).invitation;
        const deleted = (await deleteOrganization(ctx.store, org.id)).organization;
        expect(deleted?.id).toBe(org.id);
        expect((await deleteOrganization(ctx.store, org.id)).organization).toBeNull();
        expect(await ctx.store.getOrganizationMembership(org.id, ada.id)).toBeNull();
        const counts = await ctx.db.query(
          "SELECT (SELECT count(*) FROM organization_memberships) AS m, (SELECT count(*) FROM organization_invitations) AS i",
        );
        expect(counts[0]).toEqual({ m: 0, i: 0 });
        const last = (await events()).at(-1);
        expect(last).toEqual({
          type: "organization.deleted",
          data: { object: "organization", id: org.id, slug: "doomed", deleted: true },
        });
      });
    });

    describe("memberships", () => {
      it("adds, changes and removes members, keeping members_count right", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com", { username: "bobby" });
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        const member = (
          await createOrganizationMembership(ctx.store, org.id, {
            userId: bob.id,
            role: "org:member",
            publicMetadata: { title: "dev" },
          })
        ).membership;
        expect(member).toMatchObject({
          role: "org:member",
          roleName: "Member",
          permissions: ["org:sys_memberships:read"],
          publicMetadata: { title: "dev" },
          organization: { id: org.id, membersCount: 2 },
          user: { id: bob.id },
        });
        const promoted = (
          await updateOrganizationMembership(ctx.store, org.id, bob.id, {
            role: "org:admin",
          })
        ).membership;
        expect(promoted.permissions).toHaveLength(6);
        const withMeta = (
          await setOrganizationMembershipMetadata(
            ctx.store,
            org.id,
            bob.id,
            { publicMetadata: { title: null, level: 2 }, privateMetadata: { note: "n" } },
            "merge",
          )
        ).membership;
        expect(withMeta.publicMetadata).toEqual({ level: 2 });
        expect(withMeta.privateMetadata).toEqual({ note: "n" });
        const removed = (await deleteOrganizationMembership(ctx.store, org.id, bob.id)).membership;
        expect(removed.organization.membersCount).toBe(1);
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(1);
        expect(await ctx.store.getOrganizationMembership(org.id, bob.id)).toBeNull();

        const types = (await events()).map((e) => e.type);
        expect(types.filter((t) => t.startsWith("organizationMembership."))).toEqual([
          "organizationMembership.created",
          "organizationMembership.created",
          "organizationMembership.updated",
          "organizationMembership.updated",
          "organizationMembership.deleted",
        ]);
      });

      it("allows removing the last admin (the spec sets no rule against it)", async () => {
        const ada = await user("ada@example.com");
        const org = (await createOrganization(ctx.store, { name: "Solo", createdBy: ada.id }))
          .organization;
        (await deleteOrganizationMembership(ctx.store, org.id, ada.id)).membership;
        expect((await ctx.store.getOrganization(org.id))?.hasAdmin).toBe(false);
      });

      it("refuses duplicates, unknown roles, users and organizations", async () => {
        const ada = await user("ada@example.com");
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        const dup = await rejection(
          createOrganizationMembership(ctx.store, org.id, {
            userId: ada.id,
            role: "org:member",
          }).then((result) => result.membership),
        );
        expect(dup.code).toBe("already_a_member_in_organization");
        const role = await rejection(
          createOrganizationMembership(ctx.store, org.id, {
            userId: ada.id,
            role: "org:owner",
          }).then((result) => result.membership),
        );
        expect(role.code).toBe("resource_not_found");
        expect(role.paramName).toBe("role");
        const badUser = await rejection(
          createOrganizationMembership(ctx.store, org.id, {
            userId: "user_x",
            role: "org:member",
          }).then((result) => result.membership),
        );
        expect(badUser.paramName).toBe("user_id");
        const badOrg = await rejection(
          createOrganizationMembership(ctx.store, "org_x", {
            userId: ada.id,
            role: "org:member",
          }).then((result) => result.membership),
        );
        expect(badOrg.paramName).toBe("organization_id");
        const badUpdate = await rejection(
          updateOrganizationMembership(ctx.store, org.id, ada.id, { role: "org:nope" }).then(
            (result) => result.membership,
          ),
        );
        expect(badUpdate.code).toBe("resource_not_found");
        const notMember = await rejection(
          deleteOrganizationMembership(ctx.store, org.id, "user_x").then(
            (result) => result.membership,
          ),
        );
        expect(notMember.code).toBe("resource_not_found");
      });

      it("enforces max_allowed_memberships, counting pending invitations", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com");
        const org = (
          await createOrganization(ctx.store, {
            name: "Small",
            createdBy: ada.id,
            maxAllowedMemberships: 2,
          })
        ).organization;
        (
          await createOrganizationInvitation(ctx.store, org.id, {
            emailAddress: "carol@example.com",
            role: "org:member",
          })
        ).invitation;
        const full = await rejection(
          createOrganizationMembership(ctx.store, org.id, {
            userId: bob.id,
            role: "org:member",
          }).then((result) => result.membership),
        );
        expect(full.code).toBe("organization_membership_quota_exceeded");
        (await updateOrganization(ctx.store, org.id, { maxAllowedMemberships: 0 })).organization;
        (
          await createOrganizationMembership(ctx.store, org.id, {
            userId: bob.id,
            role: "org:member",
          })
        ).membership;
      });

      it("lists an organization's members with user filters, roles and ordering", async () => {
        const ada = await user("ada@example.com", { firstName: "Ada", username: "ada" });
        const bob = await user("bob@example.com", { firstName: "Bob", username: "bob" });
        const cat = await user("cat@example.com", { firstName: "Cat", username: "cat" });
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        for (const u of [bob, cat]) {
          clock.advance(1000);
          (
            await createOrganizationMembership(ctx.store, org.id, {
              userId: u.id,
              role: "org:member",
            })
          ).membership;
        }
        const all = await ctx.store.listOrganizationMemberships(
          org.id,
          {},
          page("created_at", "asc"),
        );
        expect(all.data.map((m) => m.userId)).toEqual([ada.id, bob.id, cat.id]);
        expect(all.totalCount).toBe(3);
        const members = await ctx.store.listOrganizationMemberships(
          org.id,
          { roles: ["org:member"] },
          page("first_name", "desc", 1),
        );
        expect(members.data.map((m) => m.userId)).toEqual([cat.id]);
        expect(members.totalCount).toBe(2);
        const query = await ctx.store.listOrganizationMemberships(
          org.id,
          { query: "bob@" },
          page("created_at"),
        );
        expect(query.data.map((m) => m.userId)).toEqual([bob.id]);
        const byEmail = await ctx.store.listOrganizationMemberships(
          org.id,
          { emailAddresses: ["CAT@example.com"] },
          page("email_address"),
        );
        expect(byEmail.data.map((m) => m.userId)).toEqual([cat.id]);
        const missing = await rejection(
          ctx.store.listOrganizationMemberships("org_x", {}, page("created_at")),
        );
        expect(missing.code).toBe("resource_not_found");
      });

      it("lists a user's memberships across organizations", async () => {
        const ada = await user("ada@example.com");
        const one = (await createOrganization(ctx.store, { name: "One", createdBy: ada.id }))
          .organization;
        clock.advance(1000);
        const two = (await createOrganization(ctx.store, { name: "Two", createdBy: ada.id }))
          .organization;
        (await createOrganization(ctx.store, { name: "Three" })).organization;
        const list = await ctx.store.listUserOrganizationMemberships(ada.id, {
          limit: 10,
          offset: 0,
        });
        expect(list.data.map((m) => m.organizationId)).toEqual([two.id, one.id]);
        expect(list.totalCount).toBe(2);
        const missing = await rejection(
          ctx.store.listUserOrganizationMemberships("user_x", { limit: 10, offset: 0 }),
        );
        expect(missing.code).toBe("resource_not_found");
      });

      it("drops memberships with their user", async () => {
        const ada = await user("ada@example.com");
        const org = (await createOrganization(ctx.store, { name: "Team", createdBy: ada.id }))
          .organization;
        await ctx.store.deleteUser(ada.id);
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(0);
      });
    });

    describe("concurrency", () => {
      it("lets exactly one of several concurrent creations of a slug win", async () => {
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            createOrganization(s, { name: "Race", slug: "race" }).then(
              (result) => result.organization,
            ),
            createOrganization(s, { name: "Race", slug: "race" }).then(
              (result) => result.organization,
            ),
          ]),
        );
        const won = results.filter((r) => r.status === "fulfilled");
        expect(won).toHaveLength(1);
        for (const r of results) {
          if (r.status === "rejected") {
            expect((r.reason as ApiError).code).toBe("form_identifier_exists");
          }
        }
        const rows = await ctx.db.query(
          "SELECT count(*) AS n FROM organizations WHERE slug = 'race'",
        );
        expect(Number(rows[0]?.n)).toBe(1);
      });

      it("lets exactly one of several concurrent additions of a member win", async () => {
        const ada = await user("ada@example.com");
        const org = (await createOrganization(ctx.store, { name: "Team" })).organization;
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            createOrganizationMembership(s, org.id, { userId: ada.id, role: "org:member" }).then(
              (result) => result.membership,
            ),
            createOrganizationMembership(s, org.id, { userId: ada.id, role: "org:admin" }).then(
              (result) => result.membership,
            ),
          ]),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results) {
          if (r.status === "rejected") {
            expect((r.reason as ApiError).code).toBe("already_a_member_in_organization");
          }
        }
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(1);
        const created = (await events()).filter((e) => e.type === "organizationMembership.created");
        expect(created).toHaveLength(1);
      });

      it("never lets concurrent additions exceed max_allowed_memberships", async () => {
        const users = await Promise.all(["a", "b", "c", "d"].map((n) => user(`${n}@example.com`)));
        const org = (await createOrganization(ctx.store, { name: "Cap", maxAllowedMemberships: 2 }))
          .organization;
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          users.map((u, i) =>
            createOrganizationMembership(stores[i % stores.length]!, org.id, {
              userId: u.id,
              role: "org:member",
            }).then((result) => result.membership),
          ),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(2);
      });
    });
  });
}
