import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
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
        const org = await ctx.store.createOrganization({
          name: "Acme Corp",
          createdBy: ada.id,
          publicMetadata: { plan: "pro" },
          maxAllowedMemberships: 5,
        });
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
        const first = await ctx.store.createOrganization({ name: "Acme" });
        const second = await ctx.store.createOrganization({ name: "ACME!" });
        expect(first.slug).toBe("acme");
        expect(second.slug).toMatch(/^acme-[0-9a-z]{6}$/);
        const error = await rejection(
          ctx.store.createOrganization({ name: "Other", slug: "acme" }),
        );
        expect(error.code).toBe("form_identifier_exists");
        expect(error.paramName).toBe("slug");
      });

      it("refuses an unknown creator and leaves nothing behind", async () => {
        const error = await rejection(
          ctx.store.createOrganization({ name: "Ghost", createdBy: "user_missing" }),
        );
        expect(error.code).toBe("organization_creator_not_found");
        expect(await ctx.store.getOrganization("ghost")).toBeNull();
        expect(await events()).toEqual([]);
      });

      it("finds by id or slug", async () => {
        const org = await ctx.store.createOrganization({ name: "Find Me" });
        expect((await ctx.store.getOrganization(org.id))?.id).toBe(org.id);
        expect((await ctx.store.getOrganization("find-me"))?.id).toBe(org.id);
        expect(await ctx.store.getOrganization("org_nope")).toBeNull();
      });

      it("lists with query, membership filters, ordering, paging and a total", async () => {
        const ada = await user("ada@example.com");
        const a = await ctx.store.createOrganization({ name: "Alpha", createdBy: ada.id });
        clock.advance(1000);
        const b = await ctx.store.createOrganization({ name: "Beta" });
        clock.advance(1000);
        const c = await ctx.store.createOrganization({ name: "Gamma alpha" });

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
        const org = await ctx.store.createOrganization({ name: "Before" });
        await ctx.store.createOrganization({ name: "Taken" });
        clock.advance(5000);
        const updated = await ctx.store.updateOrganization(org.id, {
          name: "After",
          slug: "after",
          maxAllowedMemberships: 3,
          adminDeleteEnabled: false,
        });
        expect(updated).toMatchObject({
          name: "After",
          slug: "after",
          maxAllowedMemberships: 3,
          adminDeleteEnabled: false,
          updatedAt: START + 5000,
          createdAt: START,
        });
        const taken = await rejection(ctx.store.updateOrganization(org.id, { slug: "taken" }));
        expect(taken.code).toBe("form_identifier_exists");
        const missing = await rejection(ctx.store.updateOrganization("org_missing", { name: "x" }));
        expect(missing.code).toBe("resource_not_found");
        expect((await events()).filter((e) => e.type === "organization.updated")).toHaveLength(1);
      });

      it("merges metadata deeply (null deletes) or replaces it", async () => {
        const org = await ctx.store.createOrganization({
          name: "Meta",
          publicMetadata: { a: 1, nested: { x: 1, y: 2 } },
          privateMetadata: { secret: "s" },
        });
        const merged = await ctx.store.setOrganizationMetadata(
          org.id,
          { publicMetadata: { a: null, nested: { y: null, z: 3 } } },
          "merge",
        );
        expect(merged.publicMetadata).toEqual({ nested: { x: 1, z: 3 } });
        expect(merged.privateMetadata).toEqual({ secret: "s" });
        const replaced = await ctx.store.setOrganizationMetadata(
          org.id,
          { privateMetadata: { only: true } },
          "replace",
        );
        expect(replaced.privateMetadata).toEqual({ only: true });
        expect(replaced.publicMetadata).toEqual({ nested: { x: 1, z: 3 } });
      });

      it("deletes with its memberships and invitations, emitting the deleted object", async () => {
        const ada = await user("ada@example.com");
        const org = await ctx.store.createOrganization({ name: "Doomed", createdBy: ada.id });
        await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "bob@example.com",
          role: "org:member",
        });
        const deleted = await ctx.store.deleteOrganization(org.id);
        expect(deleted?.id).toBe(org.id);
        expect(await ctx.store.deleteOrganization(org.id)).toBeNull();
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
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        const member = await ctx.store.createOrganizationMembership(org.id, {
          userId: bob.id,
          role: "org:member",
          publicMetadata: { title: "dev" },
        });
        expect(member).toMatchObject({
          role: "org:member",
          roleName: "Member",
          permissions: ["org:sys_memberships:read"],
          publicMetadata: { title: "dev" },
          organization: { id: org.id, membersCount: 2 },
          user: { id: bob.id },
        });
        const promoted = await ctx.store.updateOrganizationMembership(org.id, bob.id, {
          role: "org:admin",
        });
        expect(promoted.permissions).toHaveLength(6);
        const withMeta = await ctx.store.setOrganizationMembershipMetadata(
          org.id,
          bob.id,
          { publicMetadata: { title: null, level: 2 }, privateMetadata: { note: "n" } },
          "merge",
        );
        expect(withMeta.publicMetadata).toEqual({ level: 2 });
        expect(withMeta.privateMetadata).toEqual({ note: "n" });
        const removed = await ctx.store.deleteOrganizationMembership(org.id, bob.id);
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
        const org = await ctx.store.createOrganization({ name: "Solo", createdBy: ada.id });
        await ctx.store.deleteOrganizationMembership(org.id, ada.id);
        expect((await ctx.store.getOrganization(org.id))?.hasAdmin).toBe(false);
      });

      it("refuses duplicates, unknown roles, users and organizations", async () => {
        const ada = await user("ada@example.com");
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        const dup = await rejection(
          ctx.store.createOrganizationMembership(org.id, { userId: ada.id, role: "org:member" }),
        );
        expect(dup.code).toBe("already_a_member_in_organization");
        const role = await rejection(
          ctx.store.createOrganizationMembership(org.id, { userId: ada.id, role: "org:owner" }),
        );
        expect(role.code).toBe("resource_not_found");
        expect(role.paramName).toBe("role");
        const badUser = await rejection(
          ctx.store.createOrganizationMembership(org.id, {
            userId: "user_x",
            role: "org:member",
          }),
        );
        expect(badUser.paramName).toBe("user_id");
        const badOrg = await rejection(
          ctx.store.createOrganizationMembership("org_x", { userId: ada.id, role: "org:member" }),
        );
        expect(badOrg.paramName).toBe("organization_id");
        const badUpdate = await rejection(
          ctx.store.updateOrganizationMembership(org.id, ada.id, { role: "org:nope" }),
        );
        expect(badUpdate.code).toBe("resource_not_found");
        const notMember = await rejection(ctx.store.deleteOrganizationMembership(org.id, "user_x"));
        expect(notMember.code).toBe("resource_not_found");
      });

      it("enforces max_allowed_memberships, counting pending invitations", async () => {
        const ada = await user("ada@example.com");
        const bob = await user("bob@example.com");
        const org = await ctx.store.createOrganization({
          name: "Small",
          createdBy: ada.id,
          maxAllowedMemberships: 2,
        });
        await ctx.store.createOrganizationInvitation(org.id, {
          emailAddress: "carol@example.com",
          role: "org:member",
        });
        const full = await rejection(
          ctx.store.createOrganizationMembership(org.id, { userId: bob.id, role: "org:member" }),
        );
        expect(full.code).toBe("organization_membership_quota_exceeded");
        await ctx.store.updateOrganization(org.id, { maxAllowedMemberships: 0 });
        await ctx.store.createOrganizationMembership(org.id, {
          userId: bob.id,
          role: "org:member",
        });
      });

      it("lists an organization's members with user filters, roles and ordering", async () => {
        const ada = await user("ada@example.com", { firstName: "Ada", username: "ada" });
        const bob = await user("bob@example.com", { firstName: "Bob", username: "bob" });
        const cat = await user("cat@example.com", { firstName: "Cat", username: "cat" });
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        for (const u of [bob, cat]) {
          clock.advance(1000);
          await ctx.store.createOrganizationMembership(org.id, {
            userId: u.id,
            role: "org:member",
          });
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
        const one = await ctx.store.createOrganization({ name: "One", createdBy: ada.id });
        clock.advance(1000);
        const two = await ctx.store.createOrganization({ name: "Two", createdBy: ada.id });
        await ctx.store.createOrganization({ name: "Three" });
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
        const org = await ctx.store.createOrganization({ name: "Team", createdBy: ada.id });
        await ctx.store.deleteUser(ada.id);
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(0);
      });
    });

    describe("concurrency", () => {
      it("lets exactly one of several concurrent creations of a slug win", async () => {
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            s.createOrganization({ name: "Race", slug: "race" }),
            s.createOrganization({ name: "Race", slug: "race" }),
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
        const org = await ctx.store.createOrganization({ name: "Team" });
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          stores.flatMap((s) => [
            s.createOrganizationMembership(org.id, { userId: ada.id, role: "org:member" }),
            s.createOrganizationMembership(org.id, { userId: ada.id, role: "org:admin" }),
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
        const org = await ctx.store.createOrganization({ name: "Cap", maxAllowedMemberships: 2 });
        const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
        const results = await Promise.allSettled(
          users.map((u, i) =>
            stores[i % stores.length]!.createOrganizationMembership(org.id, {
              userId: u.id,
              role: "org:member",
            }),
          ),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
        expect((await ctx.store.getOrganization(org.id))?.membersCount).toBe(2);
      });
    });
  });
}
