import { beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { completeTotpEnrollment } from "../../flows/users/complete-totp-enrollment.js";
import { hashBackupCode } from "../../mfa/hash-backup-code.js";
import type { Store } from "../store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_767_225_600_000;
const SECRET_A = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const SECRET_B = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("TOTP enrolment store verbs", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;
    let sibling: Store;

    beforeAll(async () => {
      sibling = await ctx.openSiblingStore();
    });

    const newUser = async () =>
      (
        await ctx.store.createUser({
          emailAddresses: [{ emailAddress: "t@example.com", status: "verified" }],
        })
      ).id;
    const userEvents = async () =>
      (
        await ctx.db.query<{ event_type: string }>(
          "SELECT event_type FROM webhook_outbox ORDER BY seq",
        )
      ).map((row) => row.event_type);

    it("keeps one pending enrolment per user; a new one replaces the old", async () => {
      const userId = await newUser();
      expect(await ctx.store.getTotpEnrollment(userId)).toBeNull();
      const first = await ctx.store.startTotpEnrollment(userId, SECRET_A);
      expect(first).toMatchObject({ userId, secret: SECRET_A, createdAt: START });
      expect(first.id).toMatch(/^totp_/);
      clock.advance(1000);
      const second = await ctx.store.startTotpEnrollment(userId, SECRET_B);
      expect(second.id).not.toBe(first.id);
      expect(await ctx.store.getTotpEnrollment(userId)).toEqual(second);
      // The replaced enrolment cannot complete.
      expect(await ctx.store.completeTotpEnrollment(userId, first.id, null)).toBeNull();
      expect((await ctx.store.getUser(userId))?.totpEnabled).toBe(false);
      await expect(ctx.store.startTotpEnrollment("user_missing", SECRET_A)).rejects.toMatchObject({
        code: "resource_not_found",
      });
    });

    it("completes once: sets the TOTP secret, replaces backup codes, emits user.updated", async () => {
      const userId = await newUser();
      await ctx.store.replaceBackupCodes(userId, [hashBackupCode(userId, "oldcode1")]);
      const enrollment = await ctx.store.startTotpEnrollment(userId, SECRET_A);
      const before = (await userEvents()).length;
      clock.advance(5000);
      const hashes = ["aaaa1111", "bbbb2222"].map((code) => hashBackupCode(userId, code));
      const { user } = await completeTotpEnrollment(ctx.store, userId, enrollment.id, hashes);
      expect(user).toMatchObject({ id: userId, totpEnabled: true, mfaEnabledAt: START + 5000 });
      expect(await ctx.store.getTotpSecret(userId)).toBe(SECRET_A);
      expect(await ctx.store.getTotpEnrollment(userId)).toBeNull();
      expect(await ctx.store.countBackupCodes(userId)).toBe(2);
      expect(await ctx.store.consumeBackupCode(userId, hashBackupCode(userId, "oldcode1"))).toBe(
        false,
      );
      expect(await ctx.store.consumeBackupCode(userId, hashes[0] ?? "")).toBe(true);
      expect((await userEvents()).slice(before)).toEqual(["user.updated"]);
      expect(
        (await completeTotpEnrollment(ctx.store, userId, enrollment.id, null)).user,
      ).toBeNull();
      expect((await userEvents()).slice(before)).toEqual(["user.updated"]);
    });

    it("lets exactly one of two concurrent completions win", async () => {
      const userId = await newUser();
      const enrollment = await ctx.store.startTotpEnrollment(userId, SECRET_A);
      const results = await Promise.all([
        completeTotpEnrollment(ctx.store, userId, enrollment.id, null),
        completeTotpEnrollment(sibling, userId, enrollment.id, null),
      ]);
      expect(results.filter((r) => r.user !== null)).toHaveLength(1);
      expect((await userEvents()).filter((t) => t === "user.updated")).toHaveLength(1);
    });

    it("cancels a pending enrolment, and goes with its user", async () => {
      const userId = await newUser();
      await ctx.store.startTotpEnrollment(userId, SECRET_A);
      await ctx.store.cancelTotpEnrollment(userId);
      expect(await ctx.store.getTotpEnrollment(userId)).toBeNull();
      await ctx.store.startTotpEnrollment(userId, SECRET_A);
      await ctx.store.deleteUser(userId);
      expect(await ctx.store.getTotpEnrollment(userId)).toBeNull();
    });
  });
}
