import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { createWebhookEndpoint } from "../flows/webhook-endpoints/create-webhook-endpoint.js";
import { rotateWebhookEndpointSecret } from "../flows/webhook-endpoints/rotate-webhook-endpoint-secret.js";
import { updateWebhookEndpoint } from "../flows/webhook-endpoints/update-webhook-endpoint.js";
import { defaultIdGenerator } from "../id-generator.js";
import type { Logger } from "../logger.js";
import { createEventEmitter, type EventType } from "../store/internal/emit-event.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../store/test-databases.test-helpers.js";
import { DEFAULT_RETRY_DELAYS_MS } from "./retry-schedule.js";
import { startWebhookWorker, type WebhookWorkerOptions } from "./start-webhook-worker.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.test-helpers.js";
import { generateWebhookSecret } from "./webhook-secret.js";

const START = 1_767_225_600_000;

/** A logger that keeps every line, to prove secrets never reach it. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
    error: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
  };
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Webhook worker", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;
    let receiver: WebhookReceiver;
    let secret: string;
    let logger: ReturnType<typeof recordingLogger>;
    const emitEvent = createEventEmitter({ clock, ids: defaultIdGenerator, instanceId: "ins_t" });

    /** Writes an event to the outbox the way a store mutation does; returns its `msg_…` id. */
    const emit = async (type: EventType, data: Record<string, unknown> = { id: "user_1" }) => {
      await ctx.db.transaction((tx) => emitEvent(tx, type, data));
      const rows = await ctx.db.query<{ id: string }>(
        "SELECT id FROM webhook_outbox ORDER BY seq DESC LIMIT 1",
      );
      return String(rows[0]?.id);
    };

    const worker = (options: Partial<WebhookWorkerOptions> = {}) =>
      startWebhookWorker({ store: ctx.store, clock, logger, pollIntervalMs: null, ...options });

    const deliveries = async () =>
      (await ctx.store.listWebhookDeliveries({}, { limit: 500, offset: 0 })).data;

    beforeEach(async () => {
      logger = recordingLogger();
      receiver = await startWebhookReceiver({ secret: () => secret, now: () => clock.now() });
      const created = await createWebhookEndpoint(ctx.store, { url: receiver.url });
      secret = created.secret;
    });
    afterEach(async () => {
      await receiver.close();
    });

    it("POSTs the envelope signed so that @latchkey/backend's verifyWebhook accepts it", async () => {
      const eventId = await emit("user.created", { id: "user_42", object: "user" });
      expect(await worker().runOnce()).toBe(1);

      expect(receiver.received).toHaveLength(1);
      const got = receiver.received[0]!;
      expect(got.rejection).toBeNull();
      expect(got.event?.type).toBe("user.created");
      expect(got.event?.data).toEqual({ id: "user_42", object: "user" });
      expect(got.svixId).toBe(eventId);
      expect(got.svixTimestamp).toBe(Math.floor(START / 1000));
      expect(got.headers["webhook-id"]).toBe(eventId);
      expect(got.headers["webhook-timestamp"]).toBe(String(Math.floor(START / 1000)));
      expect(got.headers["webhook-signature"]).toBe(got.headers["svix-signature"]);
      expect(got.headers["svix-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(got.headers["content-type"]).toBe("application/json");
      expect(got.headers["user-agent"]).toMatch(/Latchkey/);
      expect(JSON.parse(got.body)).toMatchObject({ object: "event", instance_id: "ins_t" });

      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({
        eventId,
        eventType: "user.created",
        status: "succeeded",
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: START,
        nextAttemptAt: null,
      });
      // Delivered once: later cycles send nothing.
      expect(await worker().runOnce()).toBe(0);
      expect(receiver.received).toHaveLength(1);
    });

    it("a receiver holding another secret rejects the request", async () => {
      await emit("user.created");
      const realSecret = secret;
      secret = generateWebhookSecret();
      await worker().runOnce();
      expect(receiver.received[0]?.rejection).toBe("webhook-signature-invalid");
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "failed", lastStatusCode: 400 });
      secret = realSecret;
      clock.advance(5_000);
      await worker().runOnce();
      expect(receiver.accepted()).toHaveLength(1);
    });

    it("respects each endpoint's event filter and skips disabled endpoints", async () => {
      const usersOnly = await createWebhookEndpoint(ctx.store, {
        url: `${receiver.url}?only=users`,
        secret,
        eventTypes: ["user.created"],
      });
      const disabled = await createWebhookEndpoint(ctx.store, {
        url: `${receiver.url}?disabled`,
        secret,
        enabled: false,
      });
      await emit("user.created");
      await emit("session.created");
      await worker().runOnce();

      const typesAt = (path: string) =>
        receiver
          .accepted()
          .filter((r) => r.path === path)
          .map((r) => r.event?.type)
          // Deliveries of one cycle are sent concurrently: arrival order is not defined.
          .sort();
      expect(typesAt("/webhooks")).toEqual(["session.created", "user.created"]);
      expect(typesAt("/webhooks?only=users")).toEqual(["user.created"]);
      expect(typesAt("/webhooks?disabled")).toEqual([]);
      const all = await deliveries();
      expect(
        all.filter((d) => d.endpointId === usersOnly.endpoint.id).map((d) => d.eventType),
      ).toEqual(["user.created"]);
      expect(all.filter((d) => d.endpointId === disabled.endpoint.id)).toEqual([]);
      expect(all).toHaveLength(3);
      expect(all.every((d) => d.status === "succeeded")).toBe(true);
    });

    it("retries a 500 with the same svix-id and delivers on the second attempt", async () => {
      let calls = 0;
      receiver.reply = () => ({ status: calls++ === 0 ? 500 : 200 });
      const eventId = await emit("user.updated");
      const run = worker();

      expect(await run.runOnce()).toBe(1);
      let [delivery] = await deliveries();
      expect(delivery).toMatchObject({
        status: "failed",
        attempts: 1,
        lastStatusCode: 500,
        lastError: "HTTP 500",
        nextAttemptAt: START + 5_000,
      });

      clock.advance(4_999);
      expect(await run.runOnce()).toBe(0);
      clock.advance(1);
      expect(await run.runOnce()).toBe(1);

      [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200 });
      expect(receiver.received.map((r) => r.svixId)).toEqual([eventId, eventId]);
      expect(receiver.received.map((r) => r.svixTimestamp)).toEqual([
        Math.floor(START / 1000),
        Math.floor((START + 5_000) / 1000),
      ]);
      expect(receiver.accepted()).toHaveLength(2);
    });

    it("retries after a timeout", async () => {
      let calls = 0;
      receiver.reply = () => (calls++ === 0 ? { status: 200, delayMs: 2_000 } : { status: 204 });
      await emit("user.created");
      await worker({ timeoutMs: 200 }).runOnce();
      let [delivery] = await deliveries();
      expect(delivery).toMatchObject({
        status: "failed",
        lastStatusCode: null,
        lastError: "timed out after 200 ms",
      });
      clock.advance(5_000);
      // The next attempt (default 15 s timeout) gets its answer at once.
      await worker().runOnce();
      [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 204 });
    });

    it("retries after a network error", async () => {
      await updateWebhookEndpoint(
        ctx.store,
        (await ctx.store.listWebhookEndpoints({ limit: 1, offset: 0 })).data[0]!.id,
        { url: "http://127.0.0.1:9/unreachable" },
      );
      await emit("user.created");
      await worker({ timeoutMs: 2_000 }).runOnce();
      const [delivery] = await deliveries();
      expect(delivery?.status).toBe("failed");
      expect(delivery?.lastError).toMatch(/^(network error|timed out)/);
    });

    it("follows Svix's schedule, goes dead after the last attempt, and is replayed", async () => {
      receiver.reply = () => ({ status: 503 });
      const eventId = await emit("organization.created", { id: "org_1" });
      const run = worker();

      await run.runOnce();
      for (const delay of DEFAULT_RETRY_DELAYS_MS) {
        const [pending] = await deliveries();
        expect(pending?.status).toBe("failed");
        expect(pending?.nextAttemptAt).toBe(clock.now() + delay);
        clock.advance(delay - 1);
        expect(await run.runOnce()).toBe(0);
        clock.advance(1);
        expect(await run.runOnce()).toBe(1);
      }
      const [dead] = (
        await ctx.store.listWebhookDeliveries({ status: "dead" }, { limit: 10, offset: 0 })
      ).data;
      expect(dead).toMatchObject({ eventId, status: "dead", attempts: 8, nextAttemptAt: null });
      expect(receiver.received).toHaveLength(8);
      expect(new Set(receiver.received.map((r) => r.svixId))).toEqual(new Set([eventId]));

      clock.advance(100 * 3_600_000);
      expect(await run.runOnce()).toBe(0);

      receiver.reply = () => ({ status: 200 });
      const replayed = await ctx.store.replayWebhookDelivery(dead!.id);
      expect(replayed).toMatchObject({
        status: "pending",
        attempts: 0,
        nextAttemptAt: clock.now(),
      });
      expect(await run.runOnce()).toBe(1);
      expect(await ctx.store.getWebhookDelivery(dead!.id)).toMatchObject({
        status: "succeeded",
        attempts: 1,
      });
      expect(receiver.received.at(-1)?.svixId).toBe(eventId);
    });

    it("re-sends a delivery whose process died mid-flight once its lease expires", async () => {
      const eventId = await emit("user.deleted");
      await ctx.store.fanOutWebhookEvents(100);
      // A process claims it, then dies before recording anything.
      const [claimed] = await ctx.store.claimWebhookDeliveries({
        limit: 10,
        leaseMs: 60_000,
        maxAttempts: 8,
      });
      expect(claimed?.eventId).toBe(eventId);

      const run = worker({ leaseMs: 60_000 });
      expect(await run.runOnce()).toBe(0);
      clock.advance(60_000);
      expect(await run.runOnce()).toBe(1);
      expect(receiver.accepted().map((r) => r.svixId)).toEqual([eventId]);
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
      // The dead process's late report is refused: its lease is gone.
      expect(await ctx.store.recordWebhookAttempt(claimed!, { ok: true, statusCode: 200 })).toBe(
        false,
      );
    });

    it("a delivery whose last attempt never reported back goes dead", async () => {
      await emit("user.deleted");
      await ctx.store.fanOutWebhookEvents(100);
      await ctx.store.claimWebhookDeliveries({ limit: 10, leaseMs: 1_000, maxAttempts: 1 });
      clock.advance(1_000);
      await ctx.store.claimWebhookDeliveries({ limit: 10, leaseMs: 1_000, maxAttempts: 1 });
      const [delivery] = await deliveries();
      expect(delivery?.status).toBe("dead");
      expect(delivery?.lastError).toMatch(/lease expired/);
    });

    it("never lets the secret reach logs, errors or list answers", async () => {
      receiver.reply = () => ({ status: 500, body: `echo ${secret} and ${secret.slice(6)}` });
      await emit("user.created");
      await worker().runOnce();
      const [delivery] = await deliveries();
      expect(delivery?.lastError).toContain("[redacted]");
      const everything = JSON.stringify({
        logs: logger.lines,
        deliveries: await deliveries(),
        endpoints: await ctx.store.listWebhookEndpoints({ limit: 10, offset: 0 }),
        endpoint: await ctx.store.getWebhookEndpoint(delivery!.endpointId),
      });
      expect(logger.lines.length).toBeGreaterThan(0);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(6));
    });

    it("signs with the new and the previous secret during a rotation", async () => {
      const [endpoint] = (await ctx.store.listWebhookEndpoints({ limit: 1, offset: 0 })).data;
      const oldSecret = secret;
      const rotated = await rotateWebhookEndpointSecret(ctx.store, endpoint!.id);
      expect(rotated.secret).not.toBe(oldSecret);

      await emit("user.created");
      await worker().runOnce();
      expect(receiver.received[0]?.headers["svix-signature"]?.split(" ")).toHaveLength(2);
      expect(receiver.accepted()).toHaveLength(1); // verified with the old secret
      secret = rotated.secret;
      await emit("user.updated");
      await worker().runOnce();
      expect(receiver.accepted()).toHaveLength(2); // verified with the new one

      clock.advance(24 * 3_600_000);
      await emit("user.deleted");
      await worker().runOnce();
      expect(receiver.received[2]?.headers["svix-signature"]?.split(" ")).toHaveLength(1);
    });

    it("stop() waits for in-flight sends", async () => {
      receiver.reply = () => ({ status: 200, delayMs: 300 });
      await emit("user.created");
      const run = startWebhookWorker({ store: ctx.store, clock, logger, pollIntervalMs: 10 });
      while (receiver.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await run.stop();
      const [delivery] = await deliveries();
      expect(delivery?.status).toBe("succeeded");
    });

    it("delivers each event exactly once with two workers on two connections", async () => {
      const sibling = await ctx.openSiblingStore();
      await createWebhookEndpoint(ctx.store, { url: `${receiver.url}?second`, secret });
      const eventIds = new Set<string>();
      for (let i = 0; i < 30; i += 1) eventIds.add(await emit("user.updated", { id: `user_${i}` }));

      const workers = [
        worker({ batchSize: 4 }),
        startWebhookWorker({
          store: sibling,
          clock,
          logger,
          pollIntervalMs: null,
          batchSize: 4,
        }),
      ];
      const drain = async (w: (typeof workers)[number]) => {
        let idle = 0;
        while (idle < 3) idle = (await w.runOnce()) === 0 ? idle + 1 : 0;
      };
      await Promise.all(workers.map(drain));

      const all = await deliveries();
      expect(all).toHaveLength(60);
      expect(all.every((d) => d.status === "succeeded" && d.attempts === 1)).toBe(true);
      // 30 events × 2 endpoints, each pair received once.
      expect(receiver.accepted()).toHaveLength(60);
      const counts = new Map<string, number>();
      for (const got of receiver.accepted()) {
        const key = `${got.path} ${got.svixId}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(60);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(receiver.accepted().map((r) => r.svixId))).toEqual(eventIds);
    });
  });
}
