import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFixedClock } from "../../clock.js";
import { hashBackupCode } from "../../verification-codes/hash-backup-code.js";
import { migrate } from "../migrate.js";
import { createSqlStore } from "../sql-store.js";
import type { Store } from "../store.js";
import {
  clearData,
  describeName,
  TEST_DATABASE_TARGETS,
  type TestDatabase,
} from "../test-databases.test-helpers.js";

const START = 1_767_225_600_000;
const SECRET_A = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const SECRET_B = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

for (const target of TEST_DATABASE_TARGETS) {
  describe.skipIf(target.skipReason)(describeName("TOTP enrolment store verbs", target), () => {
    const clock = createFixedClock(START);
    let database: TestDatabase;
    let store: Store;
    let sibling: Store;

    beforeAll(async () => {
      database = await target.open();
      await migrate(database.db, { clock });
      store = createSqlStore(database.db, { clock });
      sibling = createSqlStore(await database.openSibling(), { clock });
    });
    afterAll(async () => {
      await database.dispose();
    });
    beforeEach(async () => {
      await clearData(database.db);
      clock.set(START);
    });

    const newUser = async () =>
      (
        await store.createUser({
          emailAddresses: [{ emailAddress: "t@example.com", status: "verified" }],
        })
      ).id;
    const userEvents = async () =>
      (
        await database.db.query<{ event_type: string }>(
          "SELECT event_type FROM webhook_outbox ORDER BY seq",
        )
      ).map((row) => row.event_type);

    it("keeps one pending enrolment per user; a new one replaces the old", async () => {
      const userId = await newUser();
      expect(await store.getTotpEnrollment(userId)).toBeNull();
      const first = await store.startTotpEnrollment(userId, SECRET_A);
      expect(first).toMatchObject({ userId, secret: SECRET_A, createdAt: START });
      expect(first.id).toMatch(/^totp_/);
      clock.advance(1000);
      const second = await store.startTotpEnrollment(userId, SECRET_B);
      expect(second.id).not.toBe(first.id);
      expect(await store.getTotpEnrollment(userId)).toEqual(second);
      // The replaced enrolment cannot complete.
      expect(await store.completeTotpEnrollment(userId, first.id, null)).toBeNull();
      expect((await store.getUser(userId))?.totpEnabled).toBe(false);
      await expect(store.startTotpEnrollment("user_missing", SECRET_A)).rejects.toMatchObject({
        code: "resource_not_found",
      });
    });

    it("completes once: sets the TOTP secret, replaces backup codes, emits user.updated", async () => {
      const userId = await newUser();
      await store.replaceBackupCodes(userId, [hashBackupCode(userId, "oldcode1")]);
      const enrollment = await store.startTotpEnrollment(userId, SECRET_A);
      const before = (await userEvents()).length;
      clock.advance(5000);
      const hashes = ["aaaa1111", "bbbb2222"].map((code) => hashBackupCode(userId, code));
      const user = await store.completeTotpEnrollment(userId, enrollment.id, hashes);
      expect(user).toMatchObject({ id: userId, totpEnabled: true, mfaEnabledAt: START + 5000 });
      expect(await store.getTotpSecret(userId)).toBe(SECRET_A);
      expect(await store.getTotpEnrollment(userId)).toBeNull();
      expect(await store.countBackupCodes(userId)).toBe(2);
      expect(await store.consumeBackupCode(userId, hashBackupCode(userId, "oldcode1"))).toBe(false);
      expect(await store.consumeBackupCode(userId, hashes[0] ?? "")).toBe(true);
      expect((await userEvents()).slice(before)).toEqual(["user.updated"]);
      expect(await store.completeTotpEnrollment(userId, enrollment.id, null)).toBeNull();
    });

    it("lets exactly one of two concurrent completions win", async () => {
      const userId = await newUser();
      const enrollment = await store.startTotpEnrollment(userId, SECRET_A);
      const results = await Promise.all([
        store.completeTotpEnrollment(userId, enrollment.id, null),
        sibling.completeTotpEnrollment(userId, enrollment.id, null),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await userEvents()).filter((t) => t === "user.updated")).toHaveLength(1);
    });

    it("cancels a pending enrolment, and goes with its user", async () => {
      const userId = await newUser();
      await store.startTotpEnrollment(userId, SECRET_A);
      await store.cancelTotpEnrollment(userId);
      expect(await store.getTotpEnrollment(userId)).toBeNull();
      await store.startTotpEnrollment(userId, SECRET_A);
      await store.deleteUser(userId);
      expect(await store.getTotpEnrollment(userId)).toBeNull();
    });
  });
}
