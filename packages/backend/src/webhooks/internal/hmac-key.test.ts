import { describe, expect, it } from "vitest";
import { WebhookVerificationError } from "../webhook-verification-error.js";
import { getHmacKey, HMAC_KEY_CACHE_SIZE } from "./hmac-key.js";

function secretNumber(n: number): string {
  return `whsec_${Buffer.from(`hmac-key cache test secret #${n}`).toString("base64")}`;
}

describe("getHmacKey", () => {
  it("imports a secret once and reuses the key", async () => {
    const secret = secretNumber(0);
    const first = await getHmacKey(secret);
    expect(await getHmacKey(secret)).toBe(first);
    expect(first.algorithm).toMatchObject({ name: "HMAC", hash: { name: "SHA-256" } });
    expect(first.extractable).toBe(false);
    expect(first.usages).toEqual(["sign"]);
  });

  it("keeps at most HMAC_KEY_CACHE_SIZE keys, evicting the least recently used", async () => {
    const kept = secretNumber(1000);
    const evicted = secretNumber(1001);
    const keptKey = await getHmacKey(kept);
    const evictedKey = await getHmacKey(evicted);
    for (let i = 1; i < HMAC_KEY_CACHE_SIZE; i++) {
      await getHmacKey(secretNumber(i));
      // Touching `kept` keeps it recent; `evicted` is never touched again.
      expect(await getHmacKey(kept)).toBe(keptKey);
    }
    expect(await getHmacKey(kept)).toBe(keptKey);
    expect(await getHmacKey(evicted)).not.toBe(evictedKey);
  });

  it("does not cache a secret that fails to decode", () => {
    expect(() => getHmacKey("whsec_***")).toThrow(WebhookVerificationError);
    expect(() => getHmacKey("whsec_***")).toThrow(WebhookVerificationError);
  });
});
