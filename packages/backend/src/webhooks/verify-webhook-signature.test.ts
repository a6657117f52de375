import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload } from "./sign-webhook-payload.js";
import { verifyWebhookSignature } from "./verify-webhook-signature.js";
import {
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
} from "./webhook-verification-error.js";

const RAW_KEY = Buffer.from("latchkey webhook test key, 32 b!");
const SECRET = `whsec_${RAW_KEY.toString("base64")}`;
const OTHER_SECRET = `whsec_${Buffer.from("some other key entirely, 32 b!!").toString("base64")}`;
const ID = "msg_2abcDEF";
const TIMESTAMP = 1_716_883_200;
const NOW = () => TIMESTAMP * 1000;
const PAYLOAD = JSON.stringify({ object: "event", type: "user.created", data: { id: "user_1" } });

function hmacBase64(key: Buffer, content: string | Buffer): string {
  return createHmac("sha256", key).update(content).digest("base64");
}

const VALID = `v1,${hmacBase64(RAW_KEY, `${ID}.${TIMESTAMP}.${PAYLOAD}`)}`;

function svixHeaders(overrides: Record<string, string | undefined> = {}) {
  return {
    "svix-id": ID,
    "svix-timestamp": String(TIMESTAMP),
    "svix-signature": VALID,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WebhookVerificationError);
  return err as WebhookVerificationError;
}

async function expectCode(promise: Promise<unknown>, code: WebhookVerificationErrorCode) {
  const err = await rejection(promise);
  expect(err.code).toBe(code);
  return err;
}

describe("verifyWebhookSignature", () => {
  it("accepts a valid signature and returns the message id and timestamp", async () => {
    await expect(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders(),
        secret: SECRET,
        now: NOW,
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
  });

  it("accepts the payload as bytes", async () => {
    const payload = new TextEncoder().encode(PAYLOAD);
    await expect(
      verifyWebhookSignature({ payload, headers: svixHeaders(), secret: SECRET, now: NOW }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
  });

  it("verifies the published Standard Webhooks vector", async () => {
    await expect(
      verifyWebhookSignature({
        payload: '{"test": 2432232314}',
        headers: {
          "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
          "webhook-timestamp": "1614265330",
          "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        },
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        now: () => 1_614_265_330_000,
      }),
    ).resolves.toEqual({ id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330 });
  });

  it("passes when one of several signatures matches", async () => {
    const wrong = `v1,${hmacBase64(Buffer.from("nope"), "x")}`;
    const header = `${wrong} v1,not-base64!! ${VALID} v1,${Buffer.alloc(32).toString("base64")}`;
    await expect(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-signature": header }),
        secret: SECRET,
        now: NOW,
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
  });

  it("ignores entries of other versions, even with the right MAC", async () => {
    const mac = VALID.slice("v1,".length);
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-signature": `v2,${mac} v1a,${mac} ,${mac} ${mac}` }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
    await expect(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-signature": `v2,${mac} ${VALID}` }),
        secret: SECRET,
        now: NOW,
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
  });

  it("rejects a signature made with another secret", async () => {
    const signature = await signWebhookPayload({
      id: ID,
      timestamp: TIMESTAMP,
      payload: PAYLOAD,
      secret: OTHER_SECRET,
    });
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-signature": signature }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders(),
        secret: OTHER_SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
  });

  it("rejects a tampered body, id or timestamp", async () => {
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD.replace("user_1", "user_2"),
        headers: svixHeaders(),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-id": "msg_other" }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-timestamp": String(TIMESTAMP + 1) }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
  });

  it("applies a ±5 minute window around the injected clock", async () => {
    const at = (seconds: number) => () => seconds * 1000;
    const verifyAt = (seconds: number) =>
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders(),
        secret: SECRET,
        now: at(seconds),
      });

    await expect(verifyAt(TIMESTAMP + 300)).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    await expect(verifyAt(TIMESTAMP - 300)).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    await expectCode(verifyAt(TIMESTAMP + 301), "webhook-timestamp-too-old");
    await expectCode(verifyAt(TIMESTAMP + 3600), "webhook-timestamp-too-old");
    await expectCode(verifyAt(TIMESTAMP - 301), "webhook-timestamp-too-new");
  });

  it("checks the timestamp before the signature", async () => {
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-signature": "v1,AAAA" }),
        secret: SECRET,
        now: () => (TIMESTAMP + 10_000) * 1000,
      }),
      "webhook-timestamp-too-old",
    );
  });

  it.each([
    "abc",
    "1716883200.5",
    "-1716883200",
    "1e9",
    "0x66560000",
    "1716883200abc",
    "１７１６８８３２００",
  ])("rejects the non-numeric timestamp %j", async (timestamp) => {
    await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders({ "svix-timestamp": timestamp }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-timestamp-invalid",
    );
  });

  it.each([["svix-id"], ["svix-timestamp"], ["svix-signature"]])(
    "names the missing %s header",
    async (name) => {
      const err = await expectCode(
        verifyWebhookSignature({
          payload: PAYLOAD,
          headers: svixHeaders({ [name]: undefined }),
          secret: SECRET,
          now: NOW,
        }),
        "webhook-missing-headers",
      );
      expect(err.message).toContain(name);
      for (const other of ["svix-id", "svix-timestamp", "svix-signature"]) {
        if (other !== name) expect(err.message).not.toContain(other);
      }
    },
  );

  it("names every missing header at once, and treats empty values as missing", async () => {
    const err = await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: new Headers({ "svix-id": "  " }),
        secret: SECRET,
        now: NOW,
      }),
      "webhook-missing-headers",
    );
    expect(err.message).toContain("svix-id");
    expect(err.message).toContain("svix-timestamp");
    expect(err.message).toContain("svix-signature");
  });

  it("reads a Headers object, Standard Webhooks names, mixed-case and array values", async () => {
    const base = { payload: PAYLOAD, secret: SECRET, now: NOW };
    await expect(
      verifyWebhookSignature({ ...base, headers: new Headers(svixHeaders()) }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    await expect(
      verifyWebhookSignature({
        ...base,
        headers: new Headers({
          "webhook-id": ID,
          "webhook-timestamp": String(TIMESTAMP),
          "webhook-signature": VALID,
        }),
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    await expect(
      verifyWebhookSignature({
        ...base,
        headers: { "Svix-Id": ID, "SVIX-TIMESTAMP": String(TIMESTAMP), "svix-signature": VALID },
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    await expect(
      verifyWebhookSignature({
        ...base,
        headers: {
          "svix-id": [ID],
          "svix-timestamp": String(TIMESTAMP),
          "svix-signature": ["v1,AAAA", VALID],
        },
      }),
    ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
  });

  it("accepts the secret with or without the whsec_ prefix", async () => {
    for (const secret of [SECRET, RAW_KEY.toString("base64")]) {
      await expect(
        verifyWebhookSignature({ payload: PAYLOAD, headers: svixHeaders(), secret, now: NOW }),
      ).resolves.toEqual({ id: ID, timestamp: TIMESTAMP });
    }
  });

  it.each([
    ["not base64", "whsec_not*base64!"],
    ["base64url", `whsec_${Buffer.from([0xfb, 0xff, 0xfe, 0x01]).toString("base64url")}`],
    ["bad padding", "whsec_abc=="],
    ["only the prefix", "whsec_"],
    ["one dangling character", "whsec_abcde"],
  ])("rejects a malformed secret (%s) without echoing it", async (_label, secret) => {
    const err = await expectCode(
      verifyWebhookSignature({ payload: PAYLOAD, headers: svixHeaders(), secret, now: NOW }),
      "webhook-invalid-secret",
    );
    const secretPart = secret.slice("whsec_".length);
    if (secretPart !== "") expect(err.message).not.toContain(secretPart);
  });

  it("rejects an empty secret as missing", async () => {
    await expectCode(
      verifyWebhookSignature({ payload: PAYLOAD, headers: svixHeaders(), secret: "", now: NOW }),
      "webhook-missing-secret",
    );
  });

  it("never puts the secret or signatures in a message", async () => {
    const err = await expectCode(
      verifyWebhookSignature({
        payload: PAYLOAD,
        headers: svixHeaders(),
        secret: OTHER_SECRET,
        now: NOW,
      }),
      "webhook-signature-invalid",
    );
    expect(err.message).not.toContain(OTHER_SECRET.slice("whsec_".length, 20));
    expect(err.message).not.toContain(VALID.slice(3, 20));
    expect(err.message).not.toContain(PAYLOAD);
  });
});
