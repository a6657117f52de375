import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { isApiError } from "../../errors/api-error.js";
import {
  createWebhookEndpoint,
  ensureWebhookEndpoint,
} from "../../flows/webhook-endpoints/create-webhook-endpoint.js";
import { updateWebhookEndpoint } from "../../flows/webhook-endpoints/update-webhook-endpoint.js";
import { defaultIdGenerator } from "../../id-generator.js";
import type { Store } from "../store.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";
import { createEventEmitter, type EventType } from "./emit-event.js";

const START = 1_700_000_000_000;
const SECRET = `whsec_${Buffer.alloc(24, 3).toString("base64")}`;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Webhook store verbs", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;
    const emitEvent = createEventEmitter({ clock, ids: defaultIdGenerator, instanceId: "ins" });
    const emit = (type: EventType) => ctx.db.transaction((tx) => emitEvent(tx, type, { id: "x" }));
    const page = { limit: 100, offset: 0 };

    it("ensureWebhookEndpoint is idempotent by URL and follows the given secret", async () => {
      const first = await ensureWebhookEndpoint(ctx.store, {
        url: "https://a.example/hook",
        secret: SECRET,
        eventTypes: ["user.created"],
      });
      expect(first.created).toBe(true);
      expect(first.secret).toBe(SECRET);
      const again = await ensureWebhookEndpoint(ctx.store, {
        url: "https://a.example/hook",
        secret: SECRET,
        eventTypes: ["user.created"],
      });
      expect(again.created).toBe(false);
      expect(again.endpoint.id).toBe(first.endpoint.id);

      await updateWebhookEndpoint(ctx.store, first.endpoint.id, { enabled: false });
      const generated = await ensureWebhookEndpoint(ctx.store, { url: "https://a.example/hook" });
      expect(generated).toMatchObject({ created: false, secret: SECRET });
      expect(generated.endpoint).toMatchObject({ enabled: true, eventTypes: [] });
      expect((await ctx.store.listWebhookEndpoints(page)).totalCount).toBe(1);
    });

    it("ensureWebhookEndpoint from several connections at once makes one endpoint", async () => {
      const siblings = [ctx.store, await ctx.openSiblingStore()];
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          ensureWebhookEndpoint(siblings[i % 2]!, {
            url: "https://b.example/hook",
            secret: SECRET,
          }),
        ),
      );
      expect(new Set(results.map((r) => r.endpoint.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it("checks URLs and secrets of new endpoints", async () => {
      const badUrl = await rejection(createWebhookEndpoint(ctx.store, { url: "mailto:x@y.z" }));
      expect(isApiError(badUrl, "form_param_format_invalid")).toBe(true);
      const badSecret = await rejection(
        ensureWebhookEndpoint(ctx.store, { url: "https://c.example/", secret: "whsec_short" }),
      );
      expect(isApiError(badSecret, "form_param_format_invalid")).toBe(true);
      expect((await ctx.store.listWebhookEndpoints(page)).totalCount).toBe(0);
    });

    it("fans each event out once per matching enabled endpoint", async () => {
      const all = await createWebhookEndpoint(ctx.store, { url: "https://all.example/" });
      const sessions = await createWebhookEndpoint(ctx.store, {
        url: "https://sessions.example/",
        eventTypes: ["session.created", "session.ended"],
      });
      await createWebhookEndpoint(ctx.store, { url: "https://off.example/", enabled: false });
      await emit("user.created");
      await emit("session.ended");
      await emit("organization.deleted");

      expect(await ctx.store.fanOutWebhookEvents(2)).toBe(2);
      expect(await ctx.store.fanOutWebhookEvents(100)).toBe(1);
      expect(await ctx.store.fanOutWebhookEvents(100)).toBe(0);

      const { data } = await ctx.store.listWebhookDeliveries({}, page);
      const pairs = data.map(
        (d) => `${d.endpointId === all.endpoint.id ? "all" : "sessions"} ${d.eventType}`,
      );
      expect(pairs.sort()).toEqual([
        "all organization.deleted",
        "all session.ended",
        "all user.created",
        "sessions session.ended",
      ]);
      expect(data.every((d) => d.status === "pending" && d.nextAttemptAt === START)).toBe(true);
      const forSessions = await ctx.store.listWebhookDeliveries(
        { endpointId: sessions.endpoint.id },
        page,
      );
      expect(forSessions.totalCount).toBe(1);
    });

    it("fans out exactly once when several connections race", async () => {
      await createWebhookEndpoint(ctx.store, { url: "https://race.example/" });
      for (let i = 0; i < 40; i += 1) await emit("user.updated");
      const other = await ctx.openSiblingStore();
      const drain = async (s: Store) => {
        let total = 0;
        for (let n = await s.fanOutWebhookEvents(3); n > 0; n = await s.fanOutWebhookEvents(3)) {
          total += n;
        }
        return total;
      };
      const counts = await Promise.all([
        drain(ctx.store),
        drain(other),
        drain(ctx.store),
        drain(other),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
      expect((await ctx.store.listWebhookDeliveries({}, page)).totalCount).toBe(40);
    });

    it("claims a due delivery once until its lease expires", async () => {
      await createWebhookEndpoint(ctx.store, { url: "https://lease.example/", secret: SECRET });
      await emit("user.created");
      await ctx.store.fanOutWebhookEvents(10);
      const options = { limit: 10, leaseMs: 30_000, maxAttempts: 8 };
      const [claimed] = await ctx.store.claimWebhookDeliveries(options);
      expect(claimed).toMatchObject({
        attempt: 1,
        secrets: [SECRET],
        url: "https://lease.example/",
      });
      expect(JSON.parse(claimed!.body)).toMatchObject({ object: "event", type: "user.created" });
      expect(await ctx.store.claimWebhookDeliveries(options)).toEqual([]);
      clock.advance(30_000);
      const [reclaimed] = await ctx.store.claimWebhookDeliveries(options);
      expect(reclaimed).toMatchObject({ id: claimed!.id, attempt: 2, body: claimed!.body });
      expect(reclaimed!.leaseToken).not.toBe(claimed!.leaseToken);
      expect(await ctx.store.recordWebhookAttempt(claimed!, { ok: true, statusCode: 200 })).toBe(
        false,
      );
      expect(
        await ctx.store.recordWebhookAttempt(reclaimed!, {
          ok: false,
          statusCode: 500,
          error: "x".repeat(2_000),
          retryAt: START + 99_000,
        }),
      ).toBe(true);
      const delivery = await ctx.store.getWebhookDelivery(claimed!.id);
      expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: START + 99_000 });
      expect(delivery?.lastError).toHaveLength(500);
    });

    it("does not claim deliveries of a disabled endpoint", async () => {
      const { endpoint } = await createWebhookEndpoint(ctx.store, { url: "https://d.example/" });
      await emit("user.created");
      await ctx.store.fanOutWebhookEvents(10);
      await updateWebhookEndpoint(ctx.store, endpoint.id, { enabled: false });
      const options = { limit: 10, leaseMs: 1_000, maxAttempts: 8 };
      expect(await ctx.store.claimWebhookDeliveries(options)).toEqual([]);
      await updateWebhookEndpoint(ctx.store, endpoint.id, { enabled: true });
      expect(await ctx.store.claimWebhookDeliveries(options)).toHaveLength(1);
    });

    it("replays only dead or failed deliveries that are not in flight", async () => {
      const { endpoint } = await createWebhookEndpoint(ctx.store, { url: "https://e.example/" });
      await emit("user.created");
      await ctx.store.fanOutWebhookEvents(10);
      const [delivery] = (await ctx.store.listWebhookDeliveries({}, page)).data;
      const pending = await rejection(ctx.store.replayWebhookDelivery(delivery!.id));
      expect(isApiError(pending, "webhook_delivery_not_replayable")).toBe(true);

      const options = { limit: 10, leaseMs: 1_000, maxAttempts: 8 };
      const [claimed] = await ctx.store.claimWebhookDeliveries(options);
      await ctx.store.recordWebhookAttempt(claimed!, {
        ok: false,
        statusCode: 500,
        error: "HTTP 500",
        retryAt: null,
      });
      expect((await ctx.store.listWebhookDeliveries({ status: "dead" }, page)).totalCount).toBe(1);
      expect(await ctx.store.replayDeadWebhookDeliveries(endpoint.id)).toBe(1);
      expect(await ctx.store.replayDeadWebhookDeliveries(endpoint.id)).toBe(0);
      const missing = await rejection(ctx.store.replayDeadWebhookDeliveries("whe_missing"));
      expect(isApiError(missing, "resource_not_found")).toBe(true);
      const unknown = await rejection(ctx.store.replayWebhookDelivery("whd_missing"));
      expect(isApiError(unknown, "resource_not_found")).toBe(true);
    });

    it("deleting an endpoint deletes its deliveries", async () => {
      const { endpoint } = await createWebhookEndpoint(ctx.store, { url: "https://f.example/" });
      await emit("user.created");
      await ctx.store.fanOutWebhookEvents(10);
      expect(await ctx.store.deleteWebhookEndpoint(endpoint.id)).toBe(true);
      expect(await ctx.store.deleteWebhookEndpoint(endpoint.id)).toBe(false);
      expect((await ctx.store.listWebhookDeliveries({}, page)).totalCount).toBe(0);
    });
  });
}
