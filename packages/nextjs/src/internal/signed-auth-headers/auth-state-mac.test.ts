import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authStateMac, macEquals } from "./auth-state-mac.js";

const KEY = "sk_test_mac_fixture";
const MESSAGE = '["latchkey.auth-headers.v1","signed-in","","h.p.s","https://app.test/é"]';
const EXPECTED = createHmac("sha256", KEY).update(MESSAGE, "utf8").digest("base64url");

describe("authStateMac", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("is HMAC-SHA256 in unpadded base64url, computed synchronously on Node", () => {
    expect(authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
  });

  it("gives the same MAC through Web Crypto where node:crypto is missing (edge runtimes)", async () => {
    vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
    vi.resetModules();
    const edge = await import("./auth-state-mac.js");
    const mac = edge.authStateMac(KEY, MESSAGE);
    expect(mac).toBeInstanceOf(Promise);
    expect(await mac).toBe(EXPECTED);
    expect(await edge.authStateMac("sk_test_other", MESSAGE)).not.toBe(EXPECTED);
  });

  it("matches node:crypto's HMAC for long messages, non-ASCII text and keys longer than a block", () => {
    const cases: [string, string][] = [
      [KEY, "x".repeat(5000)],
      [KEY, `${"é€😀".repeat(700)}tail`],
      ["k".repeat(200), MESSAGE],
      ["", MESSAGE],
      [KEY, ""],
      [KEY, "a".repeat(20_000)],
      [KEY, MESSAGE],
    ];
    for (const [key, message] of cases) {
      const expected = createHmac("sha256", key).update(message, "utf8").digest("base64url");
      expect(authStateMac(key, message), `${key.length}/${message.length}`).toBe(expected);
    }
  });

  it("falls back to createHmac where node:crypto has no one-shot hash", async () => {
    const original = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) =>
      id === "node:crypto" ? { createHmac } : original(id)) as typeof process.getBuiltinModule);
    vi.resetModules();
    const old = await import("./auth-state-mac.js");
    expect(old.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
  });

  it("compares MACs by value and length", () => {
    expect(macEquals(EXPECTED, EXPECTED.slice())).toBe(true);
    expect(macEquals(EXPECTED, `${EXPECTED.slice(0, -1)}A`)).toBe(EXPECTED.endsWith("A"));
    expect(macEquals(EXPECTED, EXPECTED.slice(0, -1))).toBe(false);
    expect(macEquals("", "")).toBe(true);
  });
});
