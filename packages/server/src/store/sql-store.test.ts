import { beforeEach, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { ApiError } from "../errors/api-error.js";
import { changeIdentification } from "../flows/users/change-user.js";
import { createUser } from "../flows/users/create-user.js";
import { deleteUser } from "../flows/users/delete-user.js";
import {
  removeUserImage,
  setUserImage,
  setUserMetadata,
  updateUser,
} from "../flows/users/update-user.js";
import { loadMigrations, migrate } from "./migrate.js";
import type { NewUser, Store, UserPage, VerificationRecord } from "./store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "./test-databases.test-helpers.js";

const PAGE: UserPage = {
  limit: 10,
  offset: 0,
  orderBy: { field: "created_at", direction: "desc" },
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
  describe(describeName("Store contract", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: 1_700_000_000_000 });
    const { clock } = ctx;

    describe("migrations", () => {
      it("are idempotent: a second run applies nothing", async () => {
        expect(await migrate(ctx.db)).toEqual([]);
        const rows = await ctx.db.query("SELECT version FROM latchkey_migrations ORDER BY version");
        expect(rows.map((r) => Number(r.version))).toEqual(
          (await loadMigrations()).map((m) => m.version),
        );
      });

      it("are safe when several processes run them at once", async () => {
        const fresh = await target.open();
        try {
          const siblings = [fresh.db, await fresh.openSibling(), await fresh.openSibling()];
          const results = await Promise.all(siblings.map((s) => migrate(s)));
          const all = results.flat();
          expect(all).toEqual((await loadMigrations()).map((m) => m.name));
          const rows = await fresh.db.query("SELECT count(*) AS n FROM latchkey_migrations");
          expect(Number(rows[0]?.n)).toBe((await loadMigrations()).length);
        } finally {
          await fresh.dispose();
        }
      });
    });

    describe("users", () => {
      it("creates a user with identifications, the first ones primary", async () => {
        const user = await ctx.store.createUser({
          firstName: "Ada",
          emailAddresses: [
            { emailAddress: "ada@example.com", status: "verified" },
            { emailAddress: "ada2@example.com", status: "reserved" },
          ],
          phoneNumbers: [{ phoneNumber: "+15555550100", status: "verified" }],
          password: { digest: "$argon2id$fake", hasher: "argon2id" },
          publicMetadata: { role: "admin" },
        });
        expect(user.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
        expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual([
          "ada@example.com",
          "ada2@example.com",
        ]);
        expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id);
        expect(user.emailAddresses[0]?.verification).toEqual({
          status: "verified",
          strategy: "admin",
          attempts: null,
          expireAt: null,
        });
        expect(user.emailAddresses[1]).toMatchObject({ reserved: true, verification: null });
        expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]?.id);
        expect(user.passwordEnabled).toBe(true);
        expect(user.publicMetadata).toEqual({ role: "admin" });
        expect(user.createdAt).toBe(1_700_000_000_000);
        expect(typeof user.createdAt).toBe("number");
        expect(await ctx.store.getPasswordCredential(user.id)).toEqual({
          digest: "$argon2id$fake",
          hasher: "argon2id",
        });
        expect(user).not.toHaveProperty("passwordDigest");
        expect(await ctx.store.getUser(user.id)).toEqual(user);
      });

      it("returns null / resource_not_found for unknown users", async () => {
        expect(await ctx.store.getUser("user_missing")).toBeNull();
        expect(await ctx.store.deleteUser("user_missing")).toBeNull();
        expect(
          (await rejection(ctx.store.updateUser("user_missing", { firstName: "x" }))).code,
        ).toBe("resource_not_found");
        expect((await rejection(ctx.store.setUserMetadata("user_missing", {}, "merge"))).code).toBe(
          "resource_not_found",
        );
      });

      it("enforces unique email addresses case-insensitively", async () => {
        await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "Same@Example.com", status: "verified" }],
        });
        const error = await rejection(
          ctx.store.createUser({
            emailAddresses: [{ emailAddress: "same@example.COM", status: "verified" }],
          }),
        );
        expect(error.code).toBe("form_identifier_exists");
        expect(error.paramName).toBe("email_address");
        expect(await ctx.store.countUsers({})).toBe(1);
      });

      it("enforces unique usernames (case-insensitive), phone numbers and external ids", async () => {
        const first = await ctx.store.createUser({
          username: "Ada",
          externalId: "ext-1",
          phoneNumbers: [{ phoneNumber: "+15555550100", status: "verified" }],
        });
        const duplicates: Array<[NewUser, string]> = [
          [{ username: "ada" }, "username"],
          [{ externalId: "ext-1" }, "external_id"],
          [{ phoneNumbers: [{ phoneNumber: "+15555550100", status: "verified" }] }, "phone_number"],
        ];
        for (const [input, param] of duplicates) {
          const error = await rejection(ctx.store.createUser(input));
          expect([error.code, error.paramName]).toEqual(["form_identifier_exists", param]);
        }
        const second = await ctx.store.createUser({ username: "grace" });
        const error = await rejection(ctx.store.updateUser(second.id, { username: "ADA" }));
        expect([error.code, error.paramName]).toEqual(["form_identifier_exists", "username"]);
        expect((await ctx.store.getUser(first.id))?.username).toBe("Ada");
      });

      it("lets exactly one of several concurrent creations with the same email win", async () => {
        const other = await ctx.openSiblingStore();
        const attempts = [
          "race@example.com",
          "RACE@example.com",
          "Race@Example.com",
          "race@EXAMPLE.com",
        ].map((emailAddress, i) =>
          (i % 2 === 0 ? ctx.store : other).createUser({
            emailAddresses: [{ emailAddress, status: "verified" }],
          }),
        );
        const results = await Promise.allSettled(attempts);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const result of results) {
          if (result.status === "rejected") {
            expect(result.reason).toBeInstanceOf(ApiError);
            expect((result.reason as ApiError).code).toBe("form_identifier_exists");
          }
        }
        expect(await ctx.store.countUsers({ emailAddresses: ["race@example.com"] })).toBe(1);
      });

      it("updates fields, clears with null and touches updated_at", async () => {
        const user = await ctx.store.createUser({ firstName: "Ada", username: "ada" });
        clock.advance(5000);
        const updated = await ctx.store.updateUser(user.id, {
          firstName: "Grace",
          username: null,
          banned: true,
        });
        expect(updated).toMatchObject({ firstName: "Grace", username: null, banned: true });
        expect(updated.updatedAt).toBe(user.updatedAt + 5000);
        const locked = await ctx.store.updateUser(user.id, {
          lock: { expiresAt: clock.now() + 1000 },
        });
        expect(locked.lockedAt).toBe(clock.now());
        const unlocked = await ctx.store.updateUser(user.id, { lock: null });
        expect([unlocked.lockedAt, unlocked.lockoutExpiresAt]).toEqual([null, null]);
      });

      it("only accepts a verified identification of the user as primary", async () => {
        const user = await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "a@example.com", status: "verified" }],
        });
        const unverified = await ctx.store.addEmailAddress(user.id, {
          emailAddress: "b@example.com",
          status: "unverified",
        });
        const error = await rejection(
          updateUser(ctx.store, user.id, { primaryEmailAddressId: unverified.id }),
        );
        expect(error.paramName).toBe("primary_email_address_id");
        const verified = await ctx.store.addEmailAddress(user.id, {
          emailAddress: "c@example.com",
          status: "verified",
        });
        expect(
          (await updateUser(ctx.store, user.id, { primaryEmailAddressId: verified.id })).user
            .primaryEmailAddressId,
        ).toBe(verified.id);
      });

      it("deletes users with their identifications and images", async () => {
        const user = await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "gone@example.com", status: "verified" }],
        });
        const withImage = await ctx.store.setUserImage(user.id, {
          contentType: "image/png",
          bytes: new Uint8Array([1]),
        });
        expect(await ctx.store.deleteUser(user.id)).toEqual({ id: user.id, externalId: null });
        expect(await ctx.store.getUser(user.id)).toBeNull();
        expect(await ctx.store.getEmailAddress(user.emailAddresses[0]!.id)).toBeNull();
        expect(await ctx.store.getImage(withImage.imageId!)).toBeNull();
        await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "gone@example.com", status: "verified" }],
        });
      });
    });

    describe("metadata", () => {
      it("deep-merges, deleting keys set to null", async () => {
        const user = await ctx.store.createUser({
          publicMetadata: { a: 1, nested: { x: 1, y: 2 }, gone: true },
        });
        const merged = await ctx.store.setUserMetadata(
          user.id,
          {
            publicMetadata: { nested: { y: null, z: 3 }, gone: null, b: [1] },
            privateMetadata: { secret: "s" },
          },
          "merge",
        );
        expect(merged.publicMetadata).toEqual({ a: 1, nested: { x: 1, z: 3 }, b: [1] });
        expect(merged.privateMetadata).toEqual({ secret: "s" });
        expect(merged.unsafeMetadata).toEqual({});
      });

      it("replaces given fields and leaves the others alone", async () => {
        const user = await ctx.store.createUser({
          publicMetadata: { a: 1 },
          unsafeMetadata: { u: 1 },
        });
        const replaced = await ctx.store.setUserMetadata(
          user.id,
          { publicMetadata: { b: 2 } },
          "replace",
        );
        expect(replaced.publicMetadata).toEqual({ b: 2 });
        expect(replaced.unsafeMetadata).toEqual({ u: 1 });
      });
    });

    describe("listing and counting", () => {
      let ids: string[];
      beforeEach(async () => {
        ids = [];
        const people = [
          {
            firstName: "Ada",
            lastName: "Lovelace",
            username: "ada",
            email: "ada@math.org",
            externalId: "e1",
          },
          {
            firstName: "Grace",
            lastName: "Hopper",
            username: "grace",
            email: "grace@navy.mil",
            externalId: "e2",
          },
          {
            firstName: "Alan",
            lastName: "Turing",
            username: "alan",
            email: "alan@math.org",
            externalId: null,
          },
        ];
        for (const p of people) {
          clock.advance(1000);
          const user = await ctx.store.createUser({
            firstName: p.firstName,
            lastName: p.lastName,
            username: p.username,
            externalId: p.externalId,
            emailAddresses: [{ emailAddress: p.email, status: "verified" }],
          });
          ids.push(user.id);
        }
      });

      it("orders newest first by default and pages with limit/offset", async () => {
        expect((await ctx.store.listUsers({}, PAGE)).map((u) => u.id)).toEqual([...ids].reverse());
        const page = await ctx.store.listUsers({}, { ...PAGE, limit: 1, offset: 1 });
        expect(page.map((u) => u.id)).toEqual([ids[1]]);
        const asc = await ctx.store.listUsers(
          {},
          { ...PAGE, orderBy: { field: "username", direction: "asc" } },
        );
        expect(asc.map((u) => u.username)).toEqual(["ada", "alan", "grace"]);
        const byEmail = await ctx.store.listUsers(
          {},
          { ...PAGE, orderBy: { field: "email_address", direction: "desc" } },
        );
        expect(byEmail.map((u) => u.username)).toEqual(["grace", "alan", "ada"]);
      });

      it("pages with a starting_after cursor", async () => {
        const page = await ctx.store.listUsers({}, { ...PAGE, limit: 2, startingAfter: ids[2]! });
        expect(page.map((u) => u.id)).toEqual([ids[1], ids[0]]);
      });

      it("filters by identifiers, ids, queries and flags", async () => {
        const count = (filter: Parameters<Store["countUsers"]>[0]) => ctx.store.countUsers(filter);
        expect(await count({ emailAddresses: ["ADA@math.org", "nobody@x.org"] })).toBe(1);
        expect(await count({ usernames: ["Grace", "alan"] })).toBe(2);
        expect(await count({ userIds: { include: [ids[0]!], exclude: [] } })).toBe(1);
        expect(await count({ userIds: { include: [], exclude: [ids[0]!] } })).toBe(2);
        expect(await count({ externalIds: { include: ["e1", "e2"], exclude: ["e2"] } })).toBe(1);
        expect(await count({ query: "math" })).toBe(2);
        expect(await count({ query: "hopp" })).toBe(1);
        expect(await count({ query: "100%" })).toBe(0);
        expect(await count({ nameQuery: "ada love" })).toBe(1);
        expect(await count({ emailAddressQuery: "NAVY" })).toBe(1);
        expect(await count({ usernameQuery: "AL" })).toBe(1);
        expect(await count({ banned: false })).toBe(3);
        expect(await count({ createdAtAfter: 1_700_000_001_500 })).toBe(2);
        expect(await count({ matchesNothing: true })).toBe(0);
        const listed = await ctx.store.listUsers({ query: "math" }, PAGE);
        expect(listed.map((u) => u.firstName).sort()).toEqual(["Ada", "Alan"]);
      });
    });

    describe("email addresses and phone numbers", () => {
      it("makes the first one primary, switches on request, deletes a primary only when last", async () => {
        const user = await ctx.store.createUser({});
        const a = await ctx.store.addEmailAddress(user.id, {
          emailAddress: "a@example.com",
          status: "verified",
        });
        expect((await ctx.store.getUser(user.id))?.primaryEmailAddressId).toBe(a.id);
        const b = await ctx.store.addEmailAddress(user.id, {
          emailAddress: "b@example.com",
          status: "verified",
        });
        expect((await ctx.store.getUser(user.id))?.primaryEmailAddressId).toBe(a.id);
        await ctx.store.updateEmailAddress(b.id, { primary: true });
        expect((await ctx.store.getUser(user.id))?.primaryEmailAddressId).toBe(b.id);
        const refused = await rejection(ctx.store.deleteEmailAddress(b.id));
        expect(refused.code).toBe("primary_identification_deletion_forbidden");
        expect((await ctx.store.deleteEmailAddress(a.id))?.id).toBe(a.id);
        expect((await ctx.store.getUser(user.id))?.primaryEmailAddressId).toBe(b.id);
        expect((await ctx.store.deleteEmailAddress(b.id))?.id).toBe(b.id);
        expect((await ctx.store.getUser(user.id))?.primaryEmailAddressId).toBeNull();
        expect(await ctx.store.deleteEmailAddress(a.id)).toBeNull();
      });

      it("verifies and unverifies", async () => {
        const user = await ctx.store.createUser({});
        const e = await ctx.store.addEmailAddress(user.id, {
          emailAddress: "v@example.com",
          status: "unverified",
        });
        expect(e.verification).toBeNull();
        expect(
          (await ctx.store.updateEmailAddress(e.id, { verified: true })).verification?.status,
        ).toBe("verified");
        expect(
          (await ctx.store.updateEmailAddress(e.id, { verified: false })).verification,
        ).toBeNull();
        const pending: VerificationRecord = {
          status: "unverified",
          strategy: "email_code",
          attempts: 0,
          expireAt: 9e12,
        };
        expect(
          (await ctx.store.updateEmailAddress(e.id, { verification: pending })).verification,
        ).toEqual(pending);
        const byCode: VerificationRecord = { ...pending, status: "verified", attempts: 1 };
        expect(
          (await ctx.store.updateEmailAddress(e.id, { verification: byCode })).verification,
        ).toEqual(byCode);
      });

      it("rejects duplicates and unknown users", async () => {
        const user = await ctx.store.createUser({});
        await ctx.store.addEmailAddress(user.id, {
          emailAddress: "dup@example.com",
          status: "verified",
        });
        const dup = await rejection(
          ctx.store.addEmailAddress(user.id, {
            emailAddress: "DUP@example.com",
            status: "verified",
          }),
        );
        expect(dup.code).toBe("form_identifier_exists");
        const missing = await rejection(
          ctx.store.addEmailAddress("user_nope", {
            emailAddress: "x@example.com",
            status: "verified",
          }),
        );
        expect(missing.code).toBe("resource_not_found");
        expect(
          (await rejection(ctx.store.updateEmailAddress("idn_nope", { primary: true }))).code,
        ).toBe("resource_not_found");
      });

      it("handles phone numbers and second-factor reservation", async () => {
        const user = await ctx.store.createUser({});
        const p = await ctx.store.addPhoneNumber(user.id, {
          phoneNumber: "+15555550101",
          status: "verified",
          reservedForSecondFactor: true,
        });
        expect(p).toMatchObject({ reservedForSecondFactor: true, defaultSecondFactor: true });
        const q = await ctx.store.addPhoneNumber(user.id, {
          phoneNumber: "+15555550102",
          status: "unverified",
        });
        const error = await rejection(
          ctx.store.updatePhoneNumber(q.id, { reservedForSecondFactor: true }),
        );
        expect(error.paramName).toBe("reserved_for_second_factor");
        await ctx.store.updatePhoneNumber(q.id, { primary: true });
        expect((await ctx.store.getUser(user.id))?.primaryPhoneNumberId).toBe(q.id);
        expect((await rejection(ctx.store.deletePhoneNumber(q.id))).code).toBe(
          "primary_identification_deletion_forbidden",
        );
        await ctx.store.updatePhoneNumber(p.id, { primary: true });
        await ctx.store.deletePhoneNumber(q.id);
        expect((await ctx.store.getUser(user.id))?.primaryPhoneNumberId).toBe(p.id);
        const dup = await rejection(
          ctx.store.addPhoneNumber(user.id, { phoneNumber: "+15555550101", status: "verified" }),
        );
        expect(dup.paramName).toBe("phone_number");
      });
    });

    describe("webhook events", () => {
      const events = async () =>
        (
          await ctx.db.query<{ event_type: string; payload: { data: Record<string, unknown> } }>(
            "SELECT event_type, payload FROM webhook_outbox ORDER BY seq",
          )
        ).map((row) => ({ type: row.event_type, data: row.payload.data }));

      it("writes exactly one event per user mutation, with the user's wire JSON", async () => {
        const { user } = await createUser(ctx.store, {
          externalId: "ext-events",
          emailAddresses: [{ emailAddress: "ev@example.com", status: "verified" }],
        });
        const steps: Array<[string, () => Promise<unknown>]> = [
          ["user.updated", () => updateUser(ctx.store, user.id, { firstName: "Eve" })],
          ["user.updated", () => updateUser(ctx.store, user.id, { banned: true })],
          ["user.updated", () => updateUser(ctx.store, user.id, { lock: { expiresAt: null } })],
          [
            "user.updated",
            () => setUserMetadata(ctx.store, user.id, { publicMetadata: { a: 1 } }, "merge"),
          ],
          [
            "user.updated",
            () =>
              setUserImage(ctx.store, user.id, {
                contentType: "image/png",
                bytes: new Uint8Array([1]),
              }),
          ],
          ["user.updated", () => removeUserImage(ctx.store, user.id)],
          [
            "user.updated",
            () =>
              changeIdentification(ctx.store, (tx) =>
                tx.addEmailAddress(user.id, {
                  emailAddress: "ev2@example.com",
                  status: "verified",
                }),
              ),
          ],
          [
            "user.updated",
            async () => {
              const added = await ctx.store.getUser(user.id);
              return changeIdentification(ctx.store, (tx) =>
                tx.updateEmailAddress(added!.emailAddresses[1]!.id, { primary: true }),
              );
            },
          ],
          [
            "user.updated",
            () =>
              changeIdentification(ctx.store, (tx) =>
                tx.addPhoneNumber(user.id, { phoneNumber: "+15555550199", status: "verified" }),
              ),
          ],
          [
            "user.updated",
            async () => {
              const current = await ctx.store.getUser(user.id);
              return changeIdentification(ctx.store, (tx) =>
                tx.deleteEmailAddress(current!.emailAddresses[0]!.id),
              );
            },
          ],
          ["user.deleted", () => deleteUser(ctx.store, user.id)],
        ];
        expect((await events()).map((e) => e.type)).toEqual(["user.created"]);
        for (const [index, [type, step]] of steps.entries()) {
          await step();
          const all = await events();
          expect(all, `step ${index}`).toHaveLength(index + 2);
          expect(all.at(-1)?.type, `step ${index}`).toBe(type);
        }
        const all = await events();
        expect(all[0]?.data).toMatchObject({
          object: "user",
          id: user.id,
          external_id: "ext-events",
        });
        expect(all[1]?.data).toMatchObject({ object: "user", first_name: "Eve" });
        expect(all[3]?.data).toMatchObject({ locked: true });
        expect(all[4]?.data).toMatchObject({ public_metadata: { a: 1 } });
        expect(all[5]?.data).toMatchObject({ has_image: true });
        expect(all.at(-1)?.data).toEqual({
          object: "user",
          id: user.id,
          deleted: true,
          external_id: "ext-events",
        });
        expect(JSON.stringify(all)).not.toContain("password_digest");
      });

      it("leaves no event when a change rolls back", async () => {
        const first = await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "taken@example.com", status: "verified" }],
        });
        let before = (await events()).length;
        await rejection(
          createUser(ctx.store, {
            emailAddresses: [
              { emailAddress: "fresh@example.com", status: "verified" },
              { emailAddress: "TAKEN@example.com", status: "verified" },
            ],
          }),
        );
        await rejection(updateUser(ctx.store, first.id, { primaryEmailAddressId: "idn_nope" }));
        await rejection(
          changeIdentification(ctx.store, (tx) =>
            tx.addEmailAddress(first.id, { emailAddress: "taken@example.com", status: "verified" }),
          ),
        );
        await changeIdentification(ctx.store, (tx) =>
          tx.addEmailAddress(first.id, { emailAddress: "second@example.com", status: "verified" }),
        );
        before += 1;
        const refused = await rejection(
          changeIdentification(ctx.store, (tx) =>
            tx.deleteEmailAddress(first.primaryEmailAddressId!),
          ),
        );
        expect(refused.code).toBe("primary_identification_deletion_forbidden");
        expect(await events()).toHaveLength(before);
        expect(await ctx.store.countUsers({ emailAddresses: ["fresh@example.com"] })).toBe(0);
        expect((await deleteUser(ctx.store, "user_nope")).deleted).toBeNull();
        expect(await events()).toHaveLength(before);
      });
    });

    describe("passwords", () => {
      it("rehashes only while the stored digest is the expected one, without an event", async () => {
        const user = await ctx.store.createUser({
          password: { digest: "old-digest", hasher: "bcrypt" },
        });
        const before = await ctx.db.query("SELECT count(*) AS n FROM webhook_outbox");
        const next = { digest: "$argon2id$new", hasher: "argon2id" };
        expect(await ctx.store.rehashPassword(user.id, "other-digest", next)).toBe(false);
        expect(await ctx.store.rehashPassword(user.id, "old-digest", next)).toBe(true);
        expect(await ctx.store.getPasswordCredential(user.id)).toEqual(next);
        expect((await ctx.store.getUser(user.id))?.passwordUpdatedAt).toBe(user.passwordUpdatedAt);
        expect(await ctx.db.query("SELECT count(*) AS n FROM webhook_outbox")).toEqual(before);
      });
    });

    describe("images", () => {
      it("stores bytes and replaces the previous image", async () => {
        const user = await ctx.store.createUser({});
        const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
        const first = await ctx.store.setUserImage(user.id, { contentType: "image/png", bytes });
        const image = await ctx.store.getImage(first.imageId!);
        expect(image?.contentType).toBe("image/png");
        expect([...(image?.bytes ?? [])]).toEqual([...bytes]);
        const second = await ctx.store.setUserImage(user.id, {
          contentType: "image/gif",
          bytes: new Uint8Array([1]),
        });
        expect(await ctx.store.getImage(first.imageId!)).toBeNull();
        const removed = await ctx.store.removeUserImage(second.id);
        expect(removed.imageId).toBeNull();
        expect(await ctx.store.getImage(second.imageId!)).toBeNull();
      });
    });
  });
}
