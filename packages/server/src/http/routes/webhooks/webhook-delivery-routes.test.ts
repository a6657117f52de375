import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { TEST_SECRET_KEY, TEST_START_MS } from "../../../../test/test-instance.js";
import { createFixedClock } from "../../../clock.js";
import { createHandler, type FetchHandler } from "../../../create-handler.js";
import { createWebhookEndpoint } from "../../../flows/webhook-endpoints/create-webhook-endpoint.js";
import { defaultIdGenerator } from "../../../id-generator.js";
import { silentLogger } from "../../../logger.js";
import { createEventEmitter } from "../../../store/internal/emit-event.js";
import { migrate } from "../../../store/migrate.js";
import { createSqlStore } from "../../../store/sql-store.js";
import type { Store } from "../../../store/store.js";
import {
  DEFAULT_TEST_TARGET,
  type TestDatabase,
} from "../../../store/test-databases.test-helpers.js";
import { startWebhookWorker, type WebhookWorker } from "../../../webhooks/start-webhook-worker.js";
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../../webhooks/webhook-receiver.test-helpers.js";
import { webhookEventData } from "../../../wire/webhook-event-data.js";
import { backendApiRoutes } from "../backend-api-routes.js";

const bapi = loadSpec("bapi");

describe("webhook delivery routes", () => {
  const clock = createFixedClock(TEST_START_MS);
  let database: TestDatabase;
  let store: Store;
  let handler: FetchHandler;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  let secret = "";
  let endpointId = "";
  const emitEvent = createEventEmitter({ clock, ids: defaultIdGenerator, instanceId: "ins_t" });

  const call = async (method: string, path: string, secretKey: string | null = TEST_SECRET_KEY) => {
    const headers: Record<string, string> = {};
    if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
    const response = await handler(new Request(`http://localhost${path}`, { method, headers }));
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
    return { status: response.status, body: JSON.parse(text) as any, text };
  };

  beforeAll(async () => {
    database = await DEFAULT_TEST_TARGET.open();
    await migrate(database.db);
    store = createSqlStore(database.db, { clock, renderEventData: webhookEventData() });
    handler = createHandler({
      store,
      secretKey: TEST_SECRET_KEY,
      routes: backendApiRoutes,
      clock,
      logger: silentLogger,
    });
    receiver = await startWebhookReceiver({ secret: () => secret, now: () => clock.now() });
    receiver.reply = () => ({ status: 500 });
    const created = await createWebhookEndpoint(store, { url: receiver.url });
    secret = created.secret;
    endpointId = created.endpoint.id;
    // No retries: the first failure is final, so deliveries go dead at once.
    worker = startWebhookWorker({
      store,
      clock,
      logger: silentLogger,
      pollIntervalMs: null,
      retryDelaysMs: [],
    });
    for (const type of ["user.created", "user.updated", "session.created"] as const) {
      clock.advance(1_000);
      await database.db.transaction((tx) => emitEvent(tx, type, { id: "user_1" }));
    }
    await worker.runOnce();
  });

  afterAll(async () => {
    await worker?.stop();
    await receiver?.close();
    await database?.dispose();
  });

  it("lists dead deliveries, newest first, as { data, total_count }", async () => {
    const answer = await call("GET", "/v1/webhooks/deliveries?status=dead");
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(3);
    expect(answer.body.data.map((d: { event_type: string }) => d.event_type)).toEqual([
      "session.created",
      "user.updated",
      "user.created",
    ]);
    expect(answer.body.data[0]).toEqual({
      object: "webhook_delivery",
      id: expect.stringMatching(/^whd_/),
      event_id: expect.stringMatching(/^msg_/),
      event_type: "session.created",
      endpoint_id: endpointId,
      status: "dead",
      attempts: 1,
      next_attempt_at: null,
      last_attempt_at: clock.now(),
      last_status_code: 500,
      last_error: "HTTP 500",
      delivered_at: null,
      created_at: clock.now(),
      updated_at: clock.now(),
    });
    expect(answer.text).not.toContain(secret.slice(6));

    const paged = await call("GET", "/v1/webhooks/deliveries?status=dead&limit=1&offset=2");
    expect(paged.body.total_count).toBe(3);
    expect(paged.body.data.map((d: { event_type: string }) => d.event_type)).toEqual([
      "user.created",
    ]);
    const none = await call("GET", "/v1/webhooks/deliveries?status=succeeded");
    expect(none.body).toEqual({ data: [], total_count: 0 });
    const byEndpoint = await call("GET", `/v1/webhooks/deliveries?endpoint_id=${endpointId}`);
    expect(byEndpoint.body.total_count).toBe(3);
    const otherEndpoint = await call("GET", "/v1/webhooks/deliveries?endpoint_id=whe_other");
    expect(otherEndpoint.body.total_count).toBe(0);
  });

  it("rejects an unknown status filter", async () => {
    const answer = await call("GET", "/v1/webhooks/deliveries?status=lost");
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "status" },
    });
    expectMatchesSpec(bapi, "ClerkErrors", answer.body);
  });

  it("replays one dead delivery, which is then delivered", async () => {
    const [dead] = (await call("GET", "/v1/webhooks/deliveries?status=dead")).body.data;
    const replayed = await call("POST", `/v1/webhooks/deliveries/${dead.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({
      id: dead.id,
      status: "pending",
      attempts: 0,
      next_attempt_at: clock.now(),
    });
    receiver.reply = () => ({ status: 200 });
    expect(await worker.runOnce()).toBe(1);
    const fetched = await call("GET", `/v1/webhooks/deliveries/${dead.id}`);
    expect(fetched.body).toMatchObject({ status: "succeeded", attempts: 1, last_status_code: 200 });
    expect(receiver.accepted().at(-1)?.svixId).toBe(dead.event_id);

    const again = await call("POST", `/v1/webhooks/deliveries/${dead.id}/replay`);
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe("webhook_delivery_not_replayable");
    expectMatchesSpec(bapi, "ClerkErrors", again.body);
  });

  it("replays every dead delivery of an endpoint", async () => {
    const answer = await call("POST", `/v1/webhooks/endpoints/${endpointId}/replay`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      object: "webhook_replay",
      endpoint_id: endpointId,
      replayed_count: 2,
    });
    expect(await worker.runOnce()).toBe(2);
    const dead = await call("GET", "/v1/webhooks/deliveries?status=dead");
    expect(dead.body.total_count).toBe(0);
    const succeeded = await call("GET", "/v1/webhooks/deliveries?status=succeeded");
    expect(succeeded.body.total_count).toBe(3);
  });

  it("answers 404 for unknown deliveries and 401 without the secret key", async () => {
    for (const [method, path] of [
      ["GET", "/v1/webhooks/deliveries/whd_missing"],
      ["POST", "/v1/webhooks/deliveries/whd_missing/replay"],
    ]) {
      const answer = await call(method!, path!);
      expect(answer.status).toBe(404);
      expect(answer.body.errors[0]).toMatchObject({
        code: "resource_not_found",
        meta: { param_name: "delivery_id" },
      });
      const unauthenticated = await call(method!, path!, "sk_test_nope");
      expect(unauthenticated.status).toBe(401);
    }
  });
});
