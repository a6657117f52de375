import { beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { reserveVerificationAttempt } from "../../flows/users/reserve-verification-attempt.js";
import { settleFailedVerification } from "../../flows/users/settle-failed-verification.js";
import type { Store } from "../store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_767_225_600_000;

for (const target of TEST_DATABASE_TARGETS) {
  describe(
    describeName("Frontend API store verbs (codes, lockout, backup codes, client tokens)", target),
    skipWhen(target.skipReason),
    () => {
      const ctx = useTestStore(target, { startMs: START });
      const { clock } = ctx;
      /** A second store over its own connection (PostgreSQL), to race real transactions. */
      let sibling: Store;

      beforeAll(async () => {
        sibling = await ctx.openSiblingStore();
      });

      const newCode = (subjectId: string, codeHash: string, maxAttempts = 3) =>
        ctx.store.createVerificationCode({
          purpose: "sign_in",
          subjectId,
          emailAddress: "a@example.com",
          codeHash,
          maxAttempts,
          expireAt: clock.now() + 600_000,
        });
      const attempt = (s: Store, subjectId: string, codeHash: string) =>
        s.attemptVerificationCode({ purpose: "sign_in", subjectId, codeHash });

      it("consumes a code once, even when two connections race for it", async () => {
        await newCode("sia_1", "right");
        const results = await Promise.all([
          attempt(ctx.store, "sia_1", "right"),
          attempt(sibling, "sia_1", "right"),
        ]);
        expect(results.filter((r) => r.outcome === "verified")).toHaveLength(1);
        expect(await attempt(ctx.store, "sia_1", "right")).toEqual({ outcome: "missing" });
      });

      it("counts wrong attempts, then refuses; expires; a new code replaces the old", async () => {
        await newCode("sia_2", "right", 2);
        expect(await attempt(ctx.store, "sia_2", "wrong")).toEqual({
          outcome: "incorrect",
          attempts: 1,
          attemptsLeft: 1,
        });
        expect((await attempt(ctx.store, "sia_2", "wrong")).outcome).toBe("too_many_attempts");
        expect((await attempt(ctx.store, "sia_2", "right")).outcome).toBe("too_many_attempts");

        await newCode("sia_3", "first");
        await newCode("sia_3", "second");
        expect((await attempt(ctx.store, "sia_3", "first")).outcome).toBe("incorrect");
        clock.advance(600_000);
        expect((await attempt(ctx.store, "sia_3", "second")).outcome).toBe("expired");
      });

      it("locks a user at the limit, counting across connections; an expired lock resets", async () => {
        const user = await ctx.store.createUser({ emailAddresses: [] });
        const policy = { maxAttempts: 4, lockoutSeconds: 60 };
        const fail = async (s: Store) => {
          const slot = await reserveVerificationAttempt(s, user.id, { ...policy, slotSeconds: 60 });
          if (!slot.reserved) throw new Error("no slot");
          return (await settleFailedVerification(s, user.id, slot.slotId, policy)).failure;
        };
        const results = await Promise.all([fail(ctx.store), fail(sibling), fail(ctx.store)]);
        expect(results.map((r) => r.attempts).sort()).toEqual([1, 2, 3]);
        expect(results.every((r) => !r.locked)).toBe(true);
        const lockEvents = async () =>
          (await ctx.db.query("SELECT 1 FROM webhook_outbox WHERE event_type = 'user.updated'"))
            .length;
        expect(await lockEvents()).toBe(0);
        const fourth = await fail(sibling);
        expect(fourth).toEqual({ attempts: 4, locked: true, lockoutExpiresAt: START + 60_000 });
        expect(await lockEvents()).toBe(1);
        expect((await ctx.store.getUser(user.id))?.lockedAt).toBe(START);
        expect(
          await reserveVerificationAttempt(ctx.store, user.id, { ...policy, slotSeconds: 60 }),
        ).toEqual({ reserved: false, locked: true, lockoutExpiresAt: START + 60_000 });

        clock.advance(60_000);
        const afterLock = await fail(ctx.store);
        expect(afterLock).toEqual({ attempts: 1, locked: false, lockoutExpiresAt: null });
        await ctx.store.resetFailedVerifications(user.id);
        expect((await ctx.store.getUser(user.id))?.failedVerificationAttempts).toBe(0);
      });

      it("never hands out more slots than the limit, across connections; freed and stale slots return", async () => {
        const user = await ctx.store.createUser({ emailAddresses: [] });
        const policy = { maxAttempts: 3, slotSeconds: 30 };
        const reservations = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            reserveVerificationAttempt(i % 2 === 0 ? ctx.store : sibling, user.id, policy),
          ),
        );
        const held = reservations.flatMap((r) => (r.reserved ? [r.slotId] : []));
        expect(held).toHaveLength(3);
        expect(reservations.filter((r) => !r.reserved)).toEqual(
          Array(5).fill({ reserved: false, locked: false, lockoutExpiresAt: null }),
        );
        // A pass frees its slot without counting; the user is not locked.
        expect(
          await sibling.releaseVerificationAttempt(user.id, held[0] ?? "", {
            clearFailures: false,
          }),
        ).toEqual({
          locked: false,
          lockoutExpiresAt: null,
        });
        expect((await reserveVerificationAttempt(ctx.store, user.id, policy)).reserved).toBe(true);
        expect((await reserveVerificationAttempt(ctx.store, user.id, policy)).reserved).toBe(false);
        // Slots of a process that died stop counting after slotSeconds.
        clock.advance(30_000);
        expect((await reserveVerificationAttempt(ctx.store, user.id, policy)).reserved).toBe(true);
        expect((await ctx.store.getUser(user.id))?.failedVerificationAttempts).toBe(0);
      });

      it("a pass clears the failures as it frees its slot; an undecided check does not", async () => {
        const user = await ctx.store.createUser({ emailAddresses: [] });
        const policy = { maxAttempts: 10, slotSeconds: 60 };
        for (let i = 0; i < 3; i++) {
          const slot = await reserveVerificationAttempt(ctx.store, user.id, policy);
          if (!slot.reserved) throw new Error("no slot");
          await ctx.store.countFailedVerification(user.id, slot.slotId);
        }
        const undecided = await reserveVerificationAttempt(ctx.store, user.id, policy);
        if (!undecided.reserved) throw new Error("no slot");
        await ctx.store.releaseVerificationAttempt(user.id, undecided.slotId, {
          clearFailures: false,
        });
        expect((await ctx.store.getUser(user.id))?.failedVerificationAttempts).toBe(3);
        const passed = await reserveVerificationAttempt(ctx.store, user.id, policy);
        if (!passed.reserved) throw new Error("no slot");
        await ctx.store.releaseVerificationAttempt(user.id, passed.slotId, { clearFailures: true });
        expect((await ctx.store.getUser(user.id))?.failedVerificationAttempts).toBe(0);
      });

      it("a pass that meets a lock set meanwhile is told so", async () => {
        const user = await ctx.store.createUser({ emailAddresses: [] });
        const slot = await reserveVerificationAttempt(ctx.store, user.id, {
          maxAttempts: 10,
          slotSeconds: 60,
        });
        if (!slot.reserved) throw new Error("no slot");
        await ctx.store.updateUser(user.id, { lock: { expiresAt: null } });
        const lock = await ctx.store.releaseVerificationAttempt(user.id, slot.slotId, {
          clearFailures: true,
        });
        expect(lock.locked).toBe(true);
      });

      it("consumes each backup code once", async () => {
        const user = await ctx.store.createUser({ emailAddresses: [] });
        await ctx.store.replaceBackupCodes(user.id, ["h1", "h2"]);
        const raced = await Promise.all([
          ctx.store.consumeBackupCode(user.id, "h1"),
          sibling.consumeBackupCode(user.id, "h1"),
        ]);
        expect(raced.filter(Boolean)).toHaveLength(1);
        expect(await ctx.store.countBackupCodes(user.id)).toBe(1);
        expect(await ctx.store.consumeBackupCode(user.id, "nope")).toBe(false);
      });

      it("finds clients by token digest only, and rotation retires the old digest", async () => {
        const client = await ctx.store.createClient({ tokenHash: "digest-1" });
        expect((await ctx.store.getClientByTokenHash("digest-1"))?.id).toBe(client.id);
        await ctx.store.rotateClientToken(client.id, "digest-2");
        expect(await ctx.store.getClientByTokenHash("digest-1")).toBeNull();
        expect((await ctx.store.getClientByTokenHash("digest-2"))?.id).toBe(client.id);
      });
    },
  );
}
