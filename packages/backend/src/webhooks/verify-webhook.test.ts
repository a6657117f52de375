import { afterEach, describe, expect, it, vi } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { loadSpec, type MediaType } from "../../../server/test/openapi-shape.js";
import { signWebhookPayload } from "./sign-webhook-payload.js";
import { verifyWebhook } from "./verify-webhook.js";
import type { WebhookEvent, WebhookEventType } from "./webhook-event.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

const SECRET = `whsec_${Buffer.from("verify-webhook test key 32 bytes").toString("base64")}`;
const TIMESTAMP = 1_716_883_200;
const NOW = () => TIMESTAMP * 1000;

const USER_CREATED = {
  data: { id: "user_29w83sxmDNGwOuEthce5gg56FcC", object: "user", first_name: "Ada" },
  object: "event",
  type: "user.created",
  timestamp: 1_716_883_200_123,
  instance_id: "ins_123",
  event_attributes: { http_request: { client_ip: "192.0.2.1", user_agent: "test" } },
};

async function signedRequest(
  body: string | Uint8Array<ArrayBuffer>,
  options: { id?: string; secret?: string; timestamp?: number; prefix?: "svix" | "webhook" } = {},
): Promise<Request> {
  const { id = "msg_1", secret = SECRET, timestamp = TIMESTAMP, prefix = "svix" } = options;
  const signature = await signWebhookPayload({ id, timestamp, payload: body, secret });
  return new Request("https://app.example/api/webhooks", {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(timestamp),
      [`${prefix}-signature`]: signature,
    },
  });
}

async function caught(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WebhookVerificationError);
  return err as WebhookVerificationError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("verifyWebhook", () => {
  it("verifies a Request body and returns the parsed event", async () => {
    const request = await signedRequest(JSON.stringify(USER_CREATED));
    const event = await verifyWebhook(request, { signingSecret: SECRET, now: NOW });
    expect(event).toEqual(USER_CREATED);
    if (event.type === "user.created") expect(event.data.first_name).toBe("Ada");
  });

  it("accepts the Standard Webhooks header names", async () => {
    const request = await signedRequest(JSON.stringify(USER_CREATED), { prefix: "webhook" });
    await expect(verifyWebhook(request, { signingSecret: SECRET, now: NOW })).resolves.toEqual(
      USER_CREATED,
    );
  });

  it("defaults a missing event_attributes to an empty object", async () => {
    const { event_attributes: _omitted, ...rest } = USER_CREATED;
    const request = await signedRequest(JSON.stringify(rest));
    const event = await verifyWebhook(request, { signingSecret: SECRET, now: NOW });
    expect(event.event_attributes).toEqual({});
  });

  it("reads CLERK_WEBHOOK_SIGNING_SECRET when no secret is passed", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", SECRET);
    const request = await signedRequest(JSON.stringify(USER_CREATED));
    await expect(verifyWebhook(request, { now: NOW })).resolves.toEqual(USER_CREATED);
  });

  it("prefers the signingSecret option over the environment", async () => {
    vi.stubEnv(
      "CLERK_WEBHOOK_SIGNING_SECRET",
      `whsec_${Buffer.from("the wrong key").toString("base64")}`,
    );
    const request = await signedRequest(JSON.stringify(USER_CREATED));
    await expect(verifyWebhook(request, { signingSecret: SECRET, now: NOW })).resolves.toEqual(
      USER_CREATED,
    );
  });

  it("fails with a coded error naming the variable when no secret is configured", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", "");
    const request = await signedRequest(JSON.stringify(USER_CREATED));
    const err = await caught(verifyWebhook(request, { now: NOW }));
    expect(err.code).toBe("webhook-missing-secret");
    expect(err.message).toContain("CLERK_WEBHOOK_SIGNING_SECRET");
  });

  it("rejects a body changed after signing", async () => {
    const signed = await signedRequest(JSON.stringify(USER_CREATED));
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: JSON.stringify({ ...USER_CREATED, type: "user.deleted" }),
    });
    const err = await caught(verifyWebhook(tampered, { signingSecret: SECRET, now: NOW }));
    expect(err.code).toBe("webhook-signature-invalid");
  });

  it("names missing headers on a Request", async () => {
    const request = new Request("https://app.example/api/webhooks", {
      method: "POST",
      body: "{}",
      headers: { "svix-id": "msg_1" },
    });
    const err = await caught(verifyWebhook(request, { signingSecret: SECRET, now: NOW }));
    expect(err.code).toBe("webhook-missing-headers");
    expect(err.message).toContain("svix-timestamp");
    expect(err.message).toContain("svix-signature");
  });

  /** A body that streams 64 KiB chunks forever, counting what was pulled. */
  function endlessBody() {
    const counter = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        counter.pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    return { stream, counter };
  }

  function streamedRequest(body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
    return new Request("https://app.example/api/webhooks", {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit);
  }

  const validHeaders = {
    "svix-id": "msg_1",
    "svix-timestamp": String(TIMESTAMP),
    "svix-signature": `v1,${Buffer.alloc(32).toString("base64")}`,
  };

  it("refuses a request without its headers before reading any of its body", async () => {
    const { stream, counter } = endlessBody();
    const err = await caught(
      verifyWebhook(streamedRequest(stream, { "svix-id": "msg_1" }), {
        signingSecret: SECRET,
        now: NOW,
      }),
    );
    expect(err.code).toBe("webhook-missing-headers");
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("refuses a stale timestamp before reading any of the body", async () => {
    const { stream, counter } = endlessBody();
    const headers = { ...validHeaders, "svix-timestamp": String(TIMESTAMP - 3600) };
    const err = await caught(
      verifyWebhook(streamedRequest(stream, headers), { signingSecret: SECRET, now: NOW }),
    );
    expect(err.code).toBe("webhook-timestamp-too-old");
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading an endless body at 1 MiB: webhook-payload-too-large", async () => {
    const { stream, counter } = endlessBody();
    const err = await caught(
      verifyWebhook(streamedRequest(stream, validHeaders), { signingSecret: SECRET, now: NOW }),
    );
    expect(err.code).toBe("webhook-payload-too-large");
    // 1 MiB is 16 chunks of 64 KiB; the stream may have one or two more queued.
    expect(counter.pulled).toBeLessThanOrEqual(20);
  });

  it("refuses a declared Content-Length past the bound without reading the body", async () => {
    const { stream, counter } = endlessBody();
    const headers = { ...validHeaders, "content-length": String(5 * 1024 * 1024) };
    const err = await caught(
      verifyWebhook(streamedRequest(stream, headers), { signingSecret: SECRET, now: NOW }),
    );
    expect(err.code).toBe("webhook-payload-too-large");
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("takes a larger bound from maxBodyBytes, and a signed body within it verifies", async () => {
    const big = JSON.stringify({
      ...USER_CREATED,
      data: { ...USER_CREATED.data, pad: "p".repeat(1_500_000) },
    });
    const refused = await caught(
      verifyWebhook(await signedRequest(big), { signingSecret: SECRET, now: NOW }),
    );
    expect(refused.code).toBe("webhook-payload-too-large");
    const event = await verifyWebhook(await signedRequest(big), {
      signingSecret: SECRET,
      now: NOW,
      maxBodyBytes: 2 * 1024 * 1024,
    });
    expect(event.type).toBe("user.created");
  });

  it("reports a body that was already read", async () => {
    const request = await signedRequest(JSON.stringify(USER_CREATED));
    await request.text();
    const err = await caught(verifyWebhook(request, { signingSecret: SECRET, now: NOW }));
    expect(err.code).toBe("webhook-payload-invalid");
  });

  it.each([
    ["not JSON", "user.created"],
    ["an array", "[]"],
    ["null", "null"],
    ["no type", JSON.stringify({ ...USER_CREATED, type: undefined })],
    ["a non-event object", JSON.stringify({ ...USER_CREATED, object: "user" })],
    ["data that is not an object", JSON.stringify({ ...USER_CREATED, data: [1] })],
    ["a string timestamp", JSON.stringify({ ...USER_CREATED, timestamp: "1716883200" })],
    ["no instance_id", JSON.stringify({ ...USER_CREATED, instance_id: undefined })],
    ["string event_attributes", JSON.stringify({ ...USER_CREATED, event_attributes: "x" })],
  ])("rejects a correctly signed body that is %s", async (_label, body) => {
    const request = await signedRequest(body);
    const err = await caught(verifyWebhook(request, { signingSecret: SECRET, now: NOW }));
    expect(err.code).toBe("webhook-payload-invalid");
  });

  it("rejects a correctly signed body that is not UTF-8", async () => {
    const request = await signedRequest(new Uint8Array([0x7b, 0xff, 0x7d]));
    const err = await caught(verifyWebhook(request, { signingSecret: SECRET, now: NOW }));
    expect(err.code).toBe("webhook-payload-invalid");
  });
});

// Checks against the spec only: without the file they are skipped, saying why.
const webhooksSpec = loadSpec("webhooks");

describe(
  "verifyWebhook against specs/clerk-webhooks.yml",
  skipWhen(webhooksSpec.skipReason),
  () => {
    const spec = webhooksSpec.skipReason === undefined ? webhooksSpec.document : {};
    const webhooks = Object.entries(spec["x-webhooks"] ?? {});

    function exampleOf(media: MediaType | undefined): unknown {
      if (media?.example !== undefined) return media.example;
      const ref = media?.examples?.default?.$ref ?? "";
      const name = ref.replace("#/components/examples/", "");
      const example = spec.components?.examples?.[name];
      if (!example) throw new Error(`Unresolvable example ${ref}`);
      return example.value;
    }

    it("names exactly the event types the spec lists", () => {
      // A Record keyed by the union fails to compile if a member is missing or misspelled.
      const known: Record<WebhookEventType, true> = {
        "email.created": true,
        "organization.created": true,
        "organization.updated": true,
        "organization.deleted": true,
        "organizationDomain.created": true,
        "organizationDomain.updated": true,
        "organizationDomain.deleted": true,
        "organizationInvitation.created": true,
        "organizationInvitation.accepted": true,
        "organizationInvitation.revoked": true,
        "organizationMembership.created": true,
        "organizationMembership.updated": true,
        "organizationMembership.deleted": true,
        "paymentAttempt.created": true,
        "paymentAttempt.updated": true,
        "permission.created": true,
        "permission.updated": true,
        "permission.deleted": true,
        "role.created": true,
        "role.updated": true,
        "role.deleted": true,
        "session.created": true,
        "session.pending": true,
        "session.ended": true,
        "session.removed": true,
        "session.revoked": true,
        "sms.created": true,
        "subscription.created": true,
        "subscription.updated": true,
        "subscription.active": true,
        "subscription.pastDue": true,
        "subscriptionItem.abandoned": true,
        "subscriptionItem.active": true,
        "subscriptionItem.canceled": true,
        "subscriptionItem.ended": true,
        "subscriptionItem.freeTrialEnding": true,
        "subscriptionItem.incomplete": true,
        "subscriptionItem.pastDue": true,
        "subscriptionItem.upcoming": true,
        "subscriptionItem.updated": true,
        "user.created": true,
        "user.updated": true,
        "user.deleted": true,
        "waitlistEntry.created": true,
        "waitlistEntry.updated": true,
      };
      expect(Object.keys(known).sort()).toEqual(webhooks.map(([type]) => type).sort());
    });

    it.each(webhooks)("round-trips the %s example", async (_type, operation) => {
      const example = exampleOf(operation.post?.requestBody?.content?.["application/json"]);
      const request = await signedRequest(JSON.stringify(example));
      const event: WebhookEvent = await verifyWebhook(request, { signingSecret: SECRET, now: NOW });
      expect(event).toEqual({ event_attributes: {}, ...(example as object) });
    });
  },
);
