import { signWebhookPayload } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { signWebhook } from "./sign-webhook.js";
import { generateWebhookSecret } from "./webhook-secret.js";

describe("signWebhook", () => {
  const body = JSON.stringify({ object: "event", type: "user.created", data: { id: "user_1" } });

  it("matches @latchkey/backend's signer byte for byte", async () => {
    const secret = generateWebhookSecret();
    const expected = await signWebhookPayload({
      id: "msg_1",
      timestamp: 1_767_225_600,
      payload: body,
      secret,
    });
    expect(signWebhook({ id: "msg_1", timestamp: 1_767_225_600, body, secrets: [secret] })).toBe(
      expected,
    );
  });

  it("matches a known HMAC-SHA256 vector", () => {
    // Key = 24 bytes of 0x01; HMAC computed independently with openssl:
    // printf 'msg_x.1.{}' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0101…01 -binary | base64
    const secret = `whsec_${Buffer.alloc(24, 1).toString("base64")}`;
    const signature = signWebhook({ id: "msg_x", timestamp: 1, body: "{}", secrets: [secret] });
    expect(signature).toBe(`v1,${HMAC_VECTOR}`);
  });

  it("signs with every secret given, space-separated", async () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    const signature = signWebhook({ id: "msg_2", timestamp: 5, body, secrets: [a, b] });
    expect(signature.split(" ")).toEqual([
      await signWebhookPayload({ id: "msg_2", timestamp: 5, payload: body, secret: a }),
      await signWebhookPayload({ id: "msg_2", timestamp: 5, payload: body, secret: b }),
    ]);
  });

  it("changes with the id, the timestamp and the body", () => {
    const secret = generateWebhookSecret();
    const base = { id: "msg_3", timestamp: 10, body, secrets: [secret] };
    const signature = signWebhook(base);
    expect(signWebhook({ ...base, id: "msg_4" })).not.toBe(signature);
    expect(signWebhook({ ...base, timestamp: 11 })).not.toBe(signature);
    expect(signWebhook({ ...base, body: `${body} ` })).not.toBe(signature);
  });

  it("refuses a malformed secret without echoing it", () => {
    const error = (() => {
      try {
        signWebhook({ id: "m", timestamp: 1, body, secrets: ["whsec_dG9vc2hvcnQ="] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("form_param_format_invalid");
    expect(
      JSON.stringify([(error as ApiError).message, (error as ApiError).longMessage]),
    ).not.toContain("dG9vc2hvcnQ");
  });
});

const HMAC_VECTOR = "bAuP7upLZtkaXVDjC8F0MgxBZWAQ3c0Ao3o1MkLtLpM=";
