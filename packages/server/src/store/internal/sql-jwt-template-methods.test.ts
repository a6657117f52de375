import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
import type { JwtTemplateInput } from "../jwt-template-store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
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
  describe(describeName("JWT template store", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;

    it("creates, reads (by id and name), lists and counts templates", async () => {
      const a = await ctx.store.createJwtTemplate(input());
      clock.advance(1000);
      const b = await ctx.store.createJwtTemplate(input({ name: "hasura", lifetime: 300 }));
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
      expect(await ctx.store.getJwtTemplate(a.id)).toEqual(a);
      expect(await ctx.store.getJwtTemplateByName("hasura")).toEqual(b);
      expect((await ctx.store.listJwtTemplates({ limit: 10, offset: 0 })).map((t) => t.id)).toEqual(
        [a.id, b.id],
      );
      expect((await ctx.store.listJwtTemplates({ limit: 1, offset: 1 })).map((t) => t.id)).toEqual([
        b.id,
      ]);
      expect(await ctx.store.countJwtTemplates()).toBe(2);
    });

    it("refuses a taken name with form_identifier_exists on create and update", async () => {
      await ctx.store.createJwtTemplate(input());
      const other = await ctx.store.createJwtTemplate(input({ name: "other" }));
      for (const attempt of [
        ctx.store.createJwtTemplate(input()),
        ctx.store.updateJwtTemplate(other.id, input()),
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
      const template = await ctx.store.createJwtTemplate(
        input({ customSigningKey: true, signingAlgorithm: "HS256", signingKey: "s3cret-s3cret" }),
      );
      expect(JSON.stringify(template)).not.toContain("s3cret");
      expect(await ctx.store.getJwtTemplateSigningKey(template.id)).toBe("s3cret-s3cret");
      clock.advance(1000);
      const kept = await ctx.store.updateJwtTemplate(
        template.id,
        input({ customSigningKey: true, signingAlgorithm: "HS512", signingKey: undefined }),
      );
      expect(kept.signingAlgorithm).toBe("HS512");
      expect(kept.updatedAt).toBe(START + 1000);
      expect(await ctx.store.getJwtTemplateSigningKey(template.id)).toBe("s3cret-s3cret");
      await ctx.store.updateJwtTemplate(
        template.id,
        input({ customSigningKey: true, signingAlgorithm: "HS256", signingKey: "n3w-key" }),
      );
      expect(await ctx.store.getJwtTemplateSigningKey(template.id)).toBe("n3w-key");
      await ctx.store.updateJwtTemplate(template.id, input());
      expect(await ctx.store.getJwtTemplateSigningKey(template.id)).toBeNull();
    });

    it("deletes templates and reports unknown ones", async () => {
      const template = await ctx.store.createJwtTemplate(input());
      expect(await ctx.store.deleteJwtTemplate(template.id)).toBe(true);
      expect(await ctx.store.deleteJwtTemplate(template.id)).toBe(false);
      expect(await ctx.store.getJwtTemplate(template.id)).toBeNull();
      const error = await ctx.store
        .updateJwtTemplate(template.id, input())
        .catch((e: unknown) => e);
      expect((error as ApiError).code).toBe("resource_not_found");
    });
  });
}
