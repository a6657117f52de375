import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { verifyPassword } from "../passwords/verify-password.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../store/test-databases.test-helpers.js";
import {
  clerkCsv,
  clerkUserId,
  EXPORT_HASHERS,
  type ExportRow,
  makeDigest,
} from "./clerk-export.test-helpers.js";
import { ClerkImportError } from "./clerk-import-error.js";
import { importClerkUsers } from "./import-clerk-users.js";

const HASHERS = EXPORT_HASHERS;

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("latchkey import clerk (CSV)", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target);

    it("keeps ids, digests of every hasher and TOTP secrets; unicode names; verified and unverified identifications", async () => {
      const rows: ExportRow[] = [];
      for (const [n, hasher] of HASHERS.entries()) {
        rows.push({
          id: clerkUserId(n),
          first_name: "Zoë",
          last_name: "Ångström-李",
          primary_email_address: `user${n}@example.com`,
          verified_email_addresses: `user${n}@example.com|alt${n}@example.com`,
          unverified_email_addresses: `pending${n}@example.com`,
          password_digest: await makeDigest(hasher, `password-of-${hasher}`),
          password_hasher: hasher,
        });
      }
      rows.push({
        id: clerkUserId(100),
        username: "phone_person",
        primary_phone_number: "+15555550100",
        verified_phone_numbers: "+15555550100",
        unverified_phone_numbers: "+15555550101",
        totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      });
      const report = await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows) });
      expect(report).toMatchObject({
        rows: HASHERS.length + 1,
        created: HASHERS.length + 1,
        updated: 0,
        unchanged: 0,
        refused: [],
      });

      for (const [n, hasher] of HASHERS.entries()) {
        const user = await ctx.store.getUser(clerkUserId(n));
        expect(user).toMatchObject({
          id: clerkUserId(n),
          firstName: "Zoë",
          lastName: "Ångström-李",
        });
        const emails = user?.emailAddresses.map((e) => [
          e.emailAddress,
          e.verification?.status ?? null,
        ]);
        expect(emails).toEqual([
          [`user${n}@example.com`, "verified"],
          [`alt${n}@example.com`, "verified"],
          [`pending${n}@example.com`, null],
        ]);
        expect(
          user?.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress,
        ).toBe(`user${n}@example.com`);
        const credential = await ctx.store.getPasswordCredential(clerkUserId(n));
        expect(credential?.hasher).toBe(hasher);
        expect(await verifyPassword(credential!, `password-of-${hasher}`)).toBe(true);
        expect(await verifyPassword(credential!, "not-the-password")).toBe(false);
      }
      const phoneUser = await ctx.store.getUser(clerkUserId(100));
      expect(phoneUser).toMatchObject({
        username: "phone_person",
        totpEnabled: true,
        passwordEnabled: false,
      });
      expect(
        phoneUser?.phoneNumbers.map((p) => [p.phoneNumber, p.verification?.status ?? null]),
      ).toEqual([
        ["+15555550100", "verified"],
        ["+15555550101", null],
      ]);
      expect(await ctx.store.getTotpSecret(clerkUserId(100))).toBe(
        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      );
      // No webhooks unless asked for.
      expect((await ctx.db.query("SELECT count(*)::int AS n FROM webhook_outbox"))[0]?.n).toBe(0);
    });

    it("refuses bad rows with line, column and code, and imports the rest", async () => {
      const bcrypt = await makeDigest("bcrypt", "a-password-1");
      await ctx.store.createUser({
        emailAddresses: [{ emailAddress: "owned@example.com", status: "verified" }],
      });
      const csv = clerkCsv([
        {
          id: clerkUserId(1),
          primary_email_address: "ok@example.com",
          password_digest: bcrypt,
          password_hasher: "bcrypt",
        },
        {
          id: clerkUserId(2),
          primary_email_address: "md5@example.com",
          password_digest: "5f4dcc3b5aa765d61d8327deb882cf99",
          password_hasher: "not_a_hasher",
        },
        {
          id: clerkUserId(3),
          primary_email_address: "bad@example.com",
          password_digest: "$2a$10$short",
          password_hasher: "bcrypt",
        },
        { id: clerkUserId(4), primary_email_address: "not-an-email" },
        { id: clerkUserId(5), verified_email_addresses: "OK@example.com" },
        { id: clerkUserId(6), primary_email_address: "owned@example.com" },
        { id: "usr-7", primary_email_address: "seven@example.com" },
        { id: clerkUserId(1), primary_email_address: "again@example.com" },
        { id: clerkUserId(8), totp_secret: "not base32!" },
        { id: clerkUserId(9) },
      ]);
      const report = await importClerkUsers({ store: ctx.store, csv });
      expect(report.created).toBe(2);
      expect(report.refused).toEqual([
        {
          line: 3,
          id: clerkUserId(2),
          column: "password_hasher",
          code: "password_hasher_unsupported",
        },
        { line: 4, id: clerkUserId(3), column: "password_digest", code: "password_digest_invalid" },
        {
          line: 5,
          id: clerkUserId(4),
          column: "primary_email_address",
          code: "email_address_invalid",
        },
        {
          line: 6,
          id: clerkUserId(5),
          column: "verified_email_addresses",
          code: "email_address_taken",
        },
        {
          line: 7,
          id: clerkUserId(6),
          column: "primary_email_address",
          code: "email_address_taken",
        },
        { line: 8, id: "usr-7", column: "id", code: "id_invalid" },
        { line: 9, id: clerkUserId(1), column: "id", code: "id_duplicate" },
        { line: 10, id: clerkUserId(8), column: "totp_secret", code: "totp_secret_invalid" },
      ]);
      // Nothing of a refused user was written; a user without any email address is imported.
      for (const n of [2, 3, 4, 5, 6, 8])
        expect(await ctx.store.getUser(clerkUserId(n))).toBeNull();
      expect((await ctx.store.getUser(clerkUserId(9)))?.emailAddresses).toEqual([]);
    });

    it("is safe to run twice: the same file changes nothing, a changed row is updated", async () => {
      const digest = await makeDigest("bcrypt", "first-password");
      const rows: ExportRow[] = [
        {
          id: clerkUserId(1),
          first_name: "Ada",
          primary_email_address: "ada@example.com",
          password_digest: digest,
          password_hasher: "bcrypt",
        },
        {
          id: clerkUserId(2),
          first_name: "Bo",
          primary_email_address: "bo@example.com",
          verified_email_addresses: "bo@example.com|bo2@example.com",
        },
      ];
      const json = JSON.stringify([
        {
          id: clerkUserId(1),
          external_id: "ext-1",
          public_metadata: { plan: "pro", nested: { a: 1, b: 2 } },
          private_metadata: { stripe: "cus_1" },
          unsafe_metadata: {},
          banned: false,
          locked: false,
          legal_accepted_at: 1_700_000_000_000,
          created_at: 1_600_000_000_000,
        },
      ]);
      const first = await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows), json });
      expect(first).toMatchObject({ created: 2, refused: [] });
      const before = await ctx.db.query("SELECT * FROM users ORDER BY id");
      const beforeEmails = await ctx.db.query("SELECT * FROM email_addresses ORDER BY id");

      ctx.clock.advance(60_000);
      const again = await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows), json });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: [] });
      expect(await ctx.db.query("SELECT * FROM users ORDER BY id")).toEqual(before);
      expect(await ctx.db.query("SELECT * FROM email_addresses ORDER BY id")).toEqual(beforeEmails);
      expect(await ctx.store.getUser(clerkUserId(1))).toMatchObject({
        externalId: "ext-1",
        publicMetadata: { plan: "pro", nested: { a: 1, b: 2 } },
        privateMetadata: { stripe: "cus_1" },
        legalAcceptedAt: 1_700_000_000_000,
        createdAt: 1_600_000_000_000,
      });

      const changed = [
        { ...rows[0], first_name: "Ada L." },
        { ...rows[1], verified_email_addresses: "bo@example.com|bo3@example.com" },
      ];
      const third = await importClerkUsers({ store: ctx.store, csv: clerkCsv(changed) });
      expect(third).toMatchObject({ created: 0, updated: 2, unchanged: 0, refused: [] });
      expect((await ctx.store.getUser(clerkUserId(1)))?.firstName).toBe("Ada L.");
      // Fields only the JSON export has are left as they are when it is not given.
      expect((await ctx.store.getUser(clerkUserId(1)))?.externalId).toBe("ext-1");
      expect(
        (await ctx.store.getUser(clerkUserId(2)))?.emailAddresses.map((e) => e.emailAddress).sort(),
      ).toEqual(["bo3@example.com", "bo@example.com"]);
    });

    it("moves an address from one user to another when its owner no longer lists it", async () => {
      const before = [
        { id: clerkUserId(1), primary_email_address: "shared@example.com" },
        { id: clerkUserId(2), primary_email_address: "two@example.com" },
      ];
      await importClerkUsers({ store: ctx.store, csv: clerkCsv(before) });
      const after = [
        { id: clerkUserId(1), primary_email_address: "one-new@example.com" },
        {
          id: clerkUserId(2),
          primary_email_address: "two@example.com",
          verified_email_addresses: "two@example.com|shared@example.com",
        },
      ];
      // The new owner comes first in the file: the old owner gives it up in the same batch.
      const report = await importClerkUsers({
        store: ctx.store,
        csv: clerkCsv([after[1]!, after[0]!]),
      });
      expect(report).toMatchObject({ updated: 2, refused: [] });
      const emails = async (n: number) =>
        (await ctx.store.getUser(clerkUserId(n)))?.emailAddresses.map((e) => e.emailAddress).sort();
      expect(await emails(1)).toEqual(["one-new@example.com"]);
      expect(await emails(2)).toEqual(["shared@example.com", "two@example.com"]);
    });

    it("swaps addresses and numbers two users exchanged, in one batch and across batches", async () => {
      const user = (n: number, email: string, phone: string) => ({
        id: clerkUserId(n),
        primary_email_address: email,
        primary_phone_number: phone,
        verified_phone_numbers: phone,
      });
      const [x, y, px, py] = ["x@example.com", "y@example.com", "+15555550111", "+15555550122"];
      const identifications = async (n: number) => {
        const found = await ctx.store.getUser(clerkUserId(n));
        return [
          found?.emailAddresses.map((e) => e.emailAddress),
          found?.phoneNumbers.map((p) => p.phoneNumber),
        ];
      };
      await importClerkUsers({ store: ctx.store, csv: clerkCsv([user(1, x, px), user(2, y, py)]) });
      const swapped = clerkCsv([user(1, y, py), user(2, x, px)]);
      expect(await importClerkUsers({ store: ctx.store, csv: swapped })).toMatchObject({
        updated: 2,
        refused: [],
      });
      expect(await identifications(1)).toEqual([[y], [py]]);
      expect(await identifications(2)).toEqual([[x], [px]]);
      // Back again with one user per batch: each is refused in its own batch, then both move
      // together in the retry after the last batch.
      const back = clerkCsv([user(1, x, px), user(2, y, py)]);
      expect(await importClerkUsers({ store: ctx.store, csv: back, batchSize: 1 })).toMatchObject({
        updated: 2,
        refused: [],
      });
      expect(await identifications(1)).toEqual([[x], [px]]);
      expect(await identifications(2)).toEqual([[y], [py]]);
      // The re-run changes nothing.
      expect(await importClerkUsers({ store: ctx.store, csv: back })).toMatchObject({
        unchanged: 2,
        updated: 0,
      });
      // A user who signed in here since keeps what they have: neither address moves.
      await ctx.db.query("UPDATE users SET last_sign_in_at = 1 WHERE id = $1", [clerkUserId(1)]);
      const report = await importClerkUsers({ store: ctx.store, csv: swapped });
      expect(report).toMatchObject({ updated: 0 });
      expect(report.refused.map((r) => [r.id, r.code])).toEqual([
        [clerkUserId(1), "email_address_taken"],
        [clerkUserId(2), "email_address_taken"],
      ]);
      expect(await identifications(1)).toEqual([[x], [px]]);
    });

    it("leaves a user who signed in here since as they are", async () => {
      const rows = [
        { id: clerkUserId(1), first_name: "Ada", primary_email_address: "ada@example.com" },
      ];
      await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows) });
      await ctx.db.query("UPDATE users SET last_sign_in_at = 1 WHERE id = $1", [clerkUserId(1)]);
      const report = await importClerkUsers({
        store: ctx.store,
        csv: clerkCsv([{ ...rows[0], first_name: "Old" }]),
      });
      expect(report).toMatchObject({ kept: 1, updated: 0 });
      expect((await ctx.store.getUser(clerkUserId(1)))?.firstName).toBe("Ada");
    });

    it("imports users only in the JSON export, without a password", async () => {
      const json = JSON.stringify([
        {
          id: clerkUserId(7),
          first_name: "Json",
          primary_email_address_id: "idn_b",
          email_addresses: [
            {
              id: "idn_a",
              email_address: "other@example.com",
              verification: { status: "unverified" },
            },
            {
              id: "idn_b",
              email_address: "json@example.com",
              verification: { status: "verified" },
            },
          ],
          public_metadata: { from: "api" },
        },
      ]);
      const report = await importClerkUsers({ store: ctx.store, csv: clerkCsv([]), json });
      expect(report).toMatchObject({ rows: 0, created: 1, refused: [] });
      const user = await ctx.store.getUser(clerkUserId(7));
      expect(
        user?.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)?.emailAddress,
      ).toBe("json@example.com");
      expect(user).toMatchObject({ publicMetadata: { from: "api" }, passwordEnabled: false });
    });

    it("raises user.created and user.updated through the outbox with emitEvents", async () => {
      const rows = [{ id: clerkUserId(1), primary_email_address: "ada@example.com" }];
      await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows), emitEvents: true });
      await importClerkUsers({
        store: ctx.store,
        csv: clerkCsv([{ ...rows[0], first_name: "Ada" }]),
        emitEvents: true,
      });
      const events = await ctx.db.query<{ event_type: string }>(
        "SELECT event_type FROM webhook_outbox ORDER BY seq",
      );
      expect(events.map((e) => e.event_type)).toEqual(["user.created", "user.updated"]);
    });

    it("imports a 10,000-row file in batches, and a re-run changes nothing", async () => {
      const digest = await makeDigest("bcrypt", "shared-password");
      const rows: ExportRow[] = Array.from({ length: 10_000 }, (_, n) => ({
        id: clerkUserId(n),
        first_name: `Name${n}`,
        primary_email_address: `bulk${n}@example.com`,
        verified_email_addresses: `bulk${n}@example.com`,
        password_digest: digest,
        password_hasher: "bcrypt",
      }));
      const progress: number[] = [];
      const report = await importClerkUsers({
        store: ctx.store,
        csv: clerkCsv(rows),
        onProgress: (done) => progress.push(done),
      });
      expect(report).toMatchObject({ rows: 10_000, created: 10_000, refused: [] });
      expect(progress.at(-1)).toBe(10_000);
      expect(progress).toHaveLength(20);
      const again = await importClerkUsers({ store: ctx.store, csv: clerkCsv(rows) });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    }, 60_000);

    it("refuses an export without an id column before writing anything", async () => {
      await expect(
        importClerkUsers({ store: ctx.store, csv: "name,email\nAda,ada@example.com\n" }),
      ).rejects.toMatchObject({
        code: "csv_columns_missing",
      });
      await expect(
        importClerkUsers({ store: ctx.store, csv: clerkCsv([]), json: "{" }),
      ).rejects.toBeInstanceOf(ClerkImportError);
    });
  });
}
