import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { expectMatchesSpec, loadSpec } from "../../../test/openapi-shape.js";
import { ApiError } from "../../errors/api-error.js";
import { recordEmail } from "../../mail/record-email.js";
import { emailJson } from "../../wire/email-json.js";
import type { NewEmail } from "../mail-store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_767_225_600_000;

const email = (overrides: Partial<NewEmail> = {}): NewEmail => ({
  toEmailAddress: "Ada@Example.com",
  userId: "user_1",
  emailAddressId: "idn_1",
  slug: "verification_code",
  fromEmailName: "notifications",
  subject: "Your verification code is 123456",
  bodyText: "Your verification code is 123456",
  bodyHtml: "<p>123456</p>",
  data: { otp_code: "123456", app: { name: "Acme" } },
  status: "delivered",
  deliveredVia: "mailbox",
  ...overrides,
});

interface OutboxRow {
  event_type: string;
  payload: { type: string; object: string; data: Record<string, unknown> };
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("email store", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;
    const outbox = () =>
      ctx.db.query<OutboxRow & Record<string, unknown>>(
        "SELECT event_type, payload FROM webhook_outbox ORDER BY seq",
      );

    it("records an email and emits email.created with its wire JSON", async () => {
      const created = await recordEmail(ctx.store, email());
      expect(created).toEqual({
        id: expect.stringMatching(/^ema_[0-9A-Za-z]{27}$/),
        ...email(),
        test: false,
        error: null,
        createdAt: START,
        updatedAt: START,
      });
      expect(await ctx.store.getEmail(created.id)).toEqual(created);
      const events = await outbox();
      expect(events.map((e) => e.event_type)).toEqual(["email.created"]);
      expect(events[0]?.payload).toMatchObject({ type: "email.created", object: "event" });
      expect(events[0]?.payload.data).toEqual(emailJson(created));
      expect(events[0]?.payload.data).toMatchObject({
        object: "email",
        id: created.id,
        to_email_address: "Ada@Example.com",
        user_id: "user_1",
        email_address_id: "idn_1",
        data: { otp_code: "123456" },
        delivered_by_clerk: false,
      });
    });

    it("records test emails without an event", async () => {
      const created = await recordEmail(ctx.store, email({ test: true }));
      expect(created.test).toBe(true);
      expect(await outbox()).toEqual([]);
    });

    it("records delivery outcomes without events, and refuses unknown emails", async () => {
      const created = await recordEmail(
        ctx.store,
        email({ status: "queued", deliveredVia: "smtp" }),
      );
      clock.advance(2000);
      const failed = await ctx.store.setEmailStatus(created.id, {
        status: "failed",
        error: "EAUTH: 535",
      });
      expect(failed).toMatchObject({
        status: "failed",
        error: "EAUTH: 535",
        updatedAt: START + 2000,
      });
      const sent = await ctx.store.setEmailStatus(created.id, { status: "sent" });
      expect([sent.status, sent.error]).toEqual(["sent", null]);
      expect((await outbox()).length).toBe(1);
      const error = await ctx.store
        .setEmailStatus("ema_missing", { status: "sent" })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect([error.code, error.paramName]).toEqual(["resource_not_found", "email_id"]);
    });

    it("lists newest first (ties in insertion order reversed), filters by address case-insensitively, counts", async () => {
      const a = await recordEmail(ctx.store, email());
      const b = await recordEmail(ctx.store, email({ toEmailAddress: "bob@example.com" }));
      clock.advance(1000);
      const c = await recordEmail(ctx.store, email({ toEmailAddress: "ada@example.COM" }));
      const page = { limit: 10, offset: 0 };
      expect((await ctx.store.listEmails({}, page)).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
      expect((await ctx.store.listEmails({}, { limit: 1, offset: 1 })).map((e) => e.id)).toEqual([
        b.id,
      ]);
      const filter = { toEmailAddress: "ADA@example.com" };
      expect((await ctx.store.listEmails(filter, page)).map((e) => e.id)).toEqual([c.id, a.id]);
      expect(await ctx.store.countEmails(filter)).toBe(2);
      expect(await ctx.store.countEmails({})).toBe(3);
      expect(await ctx.store.countEmails({ toEmailAddress: "ada@example" })).toBe(0);
    });

    it("deletes emails created before a time", async () => {
      const old = await recordEmail(ctx.store, email());
      clock.advance(10_000);
      const recent = await recordEmail(ctx.store, email());
      expect(await ctx.store.deleteEmailsCreatedBefore(START + 10_000)).toBe(1);
      expect(await ctx.store.getEmail(old.id)).toBeNull();
      expect(await ctx.store.getEmail(recent.id)).not.toBeNull();
    });

    it("emits data shaped as the webhook spec's EmailEventPayload", async () => {
      const created = await recordEmail(ctx.store, email());
      const data = (await outbox())[0]?.payload.data ?? {};
      expect(data.id).toBe(created.id);
      expectMatchesSpec(loadSpec("webhooks"), "EmailEventPayload", data);
    });
  });
}
