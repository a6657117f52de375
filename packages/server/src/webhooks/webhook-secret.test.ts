import { describe, expect, it } from "vitest";
import { isApiError } from "../errors/api-error.js";
import { generateWebhookSecret, webhookSecretKey } from "./webhook-secret.js";

describe("webhook secrets", () => {
  it("are whsec_ plus base64 of 24 random bytes", () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateWebhookSecret()));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(webhookSecretKey(secret)).toHaveLength(24);
    }
  });

  it("decode to the bytes of their base64 part", () => {
    const key = Buffer.alloc(32, 9);
    expect(webhookSecretKey(`whsec_${key.toString("base64")}`).equals(key)).toBe(true);
  });

  it.each([
    ["no prefix", Buffer.alloc(24).toString("base64")],
    ["not base64", "whsec_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"],
    ["too short", `whsec_${Buffer.alloc(23).toString("base64")}`],
    ["too long", `whsec_${Buffer.alloc(65).toString("base64")}`],
    ["empty", "whsec_"],
  ])("refuse %s without echoing the value", (_, secret) => {
    let caught: unknown;
    try {
      webhookSecretKey(secret);
    } catch (error) {
      caught = error;
    }
    expect(isApiError(caught, "form_param_format_invalid")).toBe(true);
    const text = JSON.stringify({ m: (caught as Error).message, c: caught });
    if (secret.length > 6) expect(text).not.toContain(secret.slice(6));
  });
});
