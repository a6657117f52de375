import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload } from "./sign-webhook-payload.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

const RAW_KEY = Buffer.from("0123456789abcdef0123456789abcdef");
const SECRET = `whsec_${RAW_KEY.toString("base64")}`;

describe("signWebhookPayload", () => {
  it("matches an HMAC-SHA256 computed independently with node:crypto", async () => {
    const id = "msg_29Bf0y9Z";
    const timestamp = 1_700_000_000;
    const payload =
      '{"data":{"id":"user_1","name":"Zoë 🐙"},"object":"event","type":"user.created"}';
    const expected = createHmac("sha256", RAW_KEY)
      .update(`${id}.${timestamp}.${payload}`, "utf8")
      .digest("base64");

    await expect(signWebhookPayload({ id, timestamp, payload, secret: SECRET })).resolves.toBe(
      `v1,${expected}`,
    );
    await expect(
      signWebhookPayload({ id, timestamp, payload: Buffer.from(payload), secret: SECRET }),
    ).resolves.toBe(`v1,${expected}`);
    await expect(
      signWebhookPayload({ id, timestamp, payload, secret: RAW_KEY.toString("base64") }),
    ).resolves.toBe(`v1,${expected}`);
  });

  it("signs bytes that are not valid UTF-8 as they are", async () => {
    const payload = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const expected = createHmac("sha256", RAW_KEY)
      .update(Buffer.concat([Buffer.from("msg_1.1.", "utf8"), payload]))
      .digest("base64");
    await expect(
      signWebhookPayload({ id: "msg_1", timestamp: 1, payload, secret: SECRET }),
    ).resolves.toBe(`v1,${expected}`);
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses the timestamp %s",
    async (timestamp) => {
      const err = await signWebhookPayload({
        id: "msg_1",
        timestamp,
        payload: "{}",
        secret: SECRET,
      })
        .then(() => undefined)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WebhookVerificationError);
      expect((err as WebhookVerificationError).code).toBe("webhook-timestamp-invalid");
    },
  );

  it("rejects a malformed secret", async () => {
    await expect(
      signWebhookPayload({ id: "msg_1", timestamp: 1, payload: "{}", secret: "whsec_%%%" }),
    ).rejects.toMatchObject({ code: "webhook-invalid-secret" });
  });
});
