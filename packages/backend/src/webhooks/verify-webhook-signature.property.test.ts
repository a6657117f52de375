import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../test/property-params.js";
import { signWebhookPayload } from "./sign-webhook-payload.js";
import { verifyWebhookSignature } from "./verify-webhook-signature.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

const SECRET = `whsec_${Buffer.from("property test key, thirty-two b.").toString("base64")}`;

/** Ids as they can travel in a header: non-empty, no surrounding whitespace. */
const headerId = fc
  .string({ minLength: 1, maxLength: 64 })
  .filter((s) => s.trim() === s && s !== "");
const timestamp = fc.integer({ min: 0, max: 10_000_000_000 });
const skew = fc.integer({ min: -300, max: 300 });
const payload = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ unit: "binary", maxLength: 256 }),
);

function asBytes(value: string | Uint8Array): Uint8Array {
  return typeof value === "string" ? new TextEncoder().encode(value) : value;
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "ok",
    (e: unknown) => e,
  );
}

describe("verifyWebhookSignature (properties)", () => {
  it("accepts what signWebhookPayload signed, within the window", async () => {
    await fc.assert(
      fc.asyncProperty(headerId, timestamp, skew, payload, async (id, ts, drift, body) => {
        const signature = await signWebhookPayload({
          id,
          timestamp: ts,
          payload: body,
          secret: SECRET,
        });
        const result = await verifyWebhookSignature({
          payload: body,
          headers: { "svix-id": id, "svix-timestamp": String(ts), "svix-signature": signature },
          secret: SECRET,
          now: () => (ts + drift) * 1000,
        });
        expect(result).toEqual({ id, timestamp: ts });
      }),
      propertyParams(),
    );
  });

  it("rejects the payload once any single byte changes", async () => {
    const bytesWithEdit = fc
      .uint8Array({ minLength: 1, maxLength: 512 })
      .chain((bytes) =>
        fc.tuple(
          fc.constant(bytes),
          fc.nat({ max: bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(headerId, timestamp, bytesWithEdit, async (id, ts, [bytes, index, mask]) => {
        const signature = await signWebhookPayload({
          id,
          timestamp: ts,
          payload: bytes,
          secret: SECRET,
        });
        const tampered = Uint8Array.from(bytes);
        tampered[index] = (tampered[index] ?? 0) ^ mask;
        const err = await outcome(
          verifyWebhookSignature({
            payload: tampered,
            headers: { "svix-id": id, "svix-timestamp": String(ts), "svix-signature": signature },
            secret: SECRET,
            now: () => ts * 1000,
          }),
        );
        expect(err).toBeInstanceOf(WebhookVerificationError);
        expect((err as WebhookVerificationError).code).toBe("webhook-signature-invalid");
      }),
      propertyParams(),
    );
  });

  it("only ever fails with a WebhookVerificationError, whatever the headers hold", async () => {
    const entry = fc.oneof(
      fc.string(),
      fc.string().map((s) => `v1,${s}`),
      fc.base64String().map((s) => `v1,${s}`),
      fc
        .uint8Array({ minLength: 32, maxLength: 32 })
        .map((b) => `v1,${Buffer.from(b).toString("base64")}`),
    );
    const signatureHeader = fc.array(entry, { maxLength: 5 }).map((entries) => entries.join(" "));
    const value = (inner: fc.Arbitrary<string>) =>
      fc.oneof(inner, fc.constant(undefined), fc.array(inner, { maxLength: 3 }));
    const headers = fc.record(
      {
        "svix-id": value(fc.string()),
        "svix-timestamp": value(fc.oneof(fc.string(), fc.nat().map(String))),
        "svix-signature": value(fc.oneof(fc.string(), signatureHeader)),
        "webhook-id": value(fc.string()),
        "webhook-timestamp": value(fc.string()),
        "webhook-signature": value(fc.string()),
      },
      { requiredKeys: [] },
    );
    const secret = fc.oneof(
      fc.constant(SECRET),
      fc.string(),
      fc.base64String().map((s) => `whsec_${s}`),
    );

    await fc.assert(
      fc.asyncProperty(headers, secret, payload, async (h, key, body) => {
        const result = await outcome(
          verifyWebhookSignature({ payload: body, headers: h, secret: key, now: () => 0 }),
        );
        if (result !== "ok") expect(result).toBeInstanceOf(WebhookVerificationError);
      }),
      propertyParams(),
    );
  });

  it("never treats a byte payload and its bytes-as-string form differently", async () => {
    await fc.assert(
      fc.asyncProperty(
        headerId,
        timestamp,
        fc.string({ unit: "grapheme", maxLength: 64 }),
        async (id, ts, text) => {
          const fromString = await signWebhookPayload({
            id,
            timestamp: ts,
            payload: text,
            secret: SECRET,
          });
          const fromBytes = await signWebhookPayload({
            id,
            timestamp: ts,
            payload: asBytes(text),
            secret: SECRET,
          });
          expect(fromBytes).toBe(fromString);
        },
      ),
      propertyParams(),
    );
  });
});
