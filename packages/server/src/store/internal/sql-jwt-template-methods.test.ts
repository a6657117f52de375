import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFixedClock } from "../../clock.js";
import { ApiError } from "../../errors/api-error.js";
import type { JwtTemplateInput } from "../jwt-template-store.js";
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

const input = (overrides: Partial<JwtTemplateInput> = {}): JwtTemplateInput => ({
  name: "supabase",
  claims: { role: "{{user.public_metadata.role}}", nested: { list: [1, "{{user.id}}"] } },
  lifetime: 60,
  allowedClockSkew: 5,
  customSigningKey: false,
  signingAlgorithm: "RS256",
  signingKey: null,
  ...overrides,
});

for (const target of TEST_DATABASE_TARGETS) {
  describe.skipIf(target.skipReason !== undefined)(
    describeName("JWT template store", target),
    () => {
      let testDb: TestDatabase;
      let store: Store;
      const clock = createFixedClock(START);

      beforeAll(async () => {
        testDb = await target.open();
        await migrate(testDb.db);
        store = createSqlStore(testDb.db, { clock });
      });
      afterAll(async () => {
        await testDb?.dispose();
      });
      beforeEach(async () => {
        await clearData(testDb.db);
        clock.set(START);
      });

      it("creates, reads (by id and name), lists and counts templates", async () => {
        const a = await store.createJwtTemplate(input());
        clock.advance(1000);
        const b = await store.createJwtTemplate(input({ name: "hasura", lifetime: 300 }));
        expect(a).toEqual({
          id: expect.stringMatching(/^jtmp_/),
          name: "supabase",
          claims: input().claims,
          lifetime: 60,
          allowedClockSkew: 5,
          customSigningKey: false,
          signingAlgorithm: "RS256",
          createdAt: START,
          updatedAt: START,
        });
        expect(await store.getJwtTemplate(a.id)).toEqual(a);
        expect(await store.getJwtTemplateByName("hasura")).toEqual(b);
        expect((await store.listJwtTemplates({ limit: 10, offset: 0 })).map((t) => t.id)).toEqual([
          a.id,
          b.id,
        ]);
        expect((await store.listJwtTemplates({ limit: 1, offset: 1 })).map((t) => t.id)).toEqual([
          b.id,
        ]);
        expect(await store.countJwtTemplates()).toBe(2);
      });

      it("refuses a taken name with form_identifier_exists on create and update", async () => {
        await store.createJwtTemplate(input());
        const other = await store.createJwtTemplate(input({ name: "other" }));
        for (const attempt of [
          store.createJwtTemplate(input()),
          store.updateJwtTemplate(other.id, input()),
        ]) {
          const error = await attempt.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(ApiError);
          expect([(error as ApiError).code, (error as ApiError).paramName]).toEqual([
            "form_identifier_exists",
            "name",
          ]);
        }
      });

      it("keeps the custom key write-only: stored, kept on update without one, cleared without custom signing", async () => {
        const template = await store.createJwtTemplate(
          input({ customSigningKey: true, signingAlgorithm: "HS256", signingKey: "s3cret-s3cret" }),
        );
        expect(JSON.stringify(template)).not.toContain("s3cret");
        expect(await store.getJwtTemplateSigningKey(template.id)).toBe("s3cret-s3cret");
        clock.advance(1000);
        const kept = await store.updateJwtTemplate(
          template.id,
          input({ customSigningKey: true, signingAlgorithm: "HS512", signingKey: undefined }),
        );
        expect(kept.signingAlgorithm).toBe("HS512");
        expect(kept.updatedAt).toBe(START + 1000);
        expect(await store.getJwtTemplateSigningKey(template.id)).toBe("s3cret-s3cret");
        await store.updateJwtTemplate(
          template.id,
          input({ customSigningKey: true, signingAlgorithm: "HS256", signingKey: "n3w-key" }),
        );
        expect(await store.getJwtTemplateSigningKey(template.id)).toBe("n3w-key");
        await store.updateJwtTemplate(template.id, input());
        expect(await store.getJwtTemplateSigningKey(template.id)).toBeNull();
      });

      it("deletes templates and reports unknown ones", async () => {
        const template = await store.createJwtTemplate(input());
        expect(await store.deleteJwtTemplate(template.id)).toBe(true);
        expect(await store.deleteJwtTemplate(template.id)).toBe(false);
        expect(await store.getJwtTemplate(template.id)).toBeNull();
        const error = await store.updateJwtTemplate(template.id, input()).catch((e: unknown) => e);
        expect((error as ApiError).code).toBe("resource_not_found");
      });
    },
  );
}
