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

  it("remembers recent MACs per key: no hashing for a message signed moments before", async () => {
    const real = process.getBuiltinModule("node:crypto") as typeof import("node:crypto");
    const hash = vi.fn(real.hash);
    const original = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) =>
      id === "node:crypto"
        ? { createHmac: real.createHmac, hash }
        : original(id)) as typeof process.getBuiltinModule);
    vi.resetModules();
    const fresh = await import("./auth-state-mac.js");
    expect(fresh.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
    const calls = hash.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(fresh.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
    expect(hash.mock.calls.length).toBe(calls);
    // Another key never gets this key's MAC.
    const other = createHmac("sha256", "sk_test_other").update(MESSAGE, "utf8").digest("base64url");
    expect(fresh.authStateMac("sk_test_other", MESSAGE)).toBe(other);
    expect(fresh.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
    // Bounded: after 1,024 other messages, the first one is hashed again.
    for (let i = 0; i < 1024; i++) fresh.authStateMac(KEY, `${MESSAGE}${i}`);
    const before = hash.mock.calls.length;
    expect(fresh.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
    expect(hash.mock.calls.length).toBeGreaterThan(before);
  });

  it("answers a remembered MAC at once on edge runtimes too", async () => {
    vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
    vi.resetModules();
    const edge = await import("./auth-state-mac.js");
    expect(await edge.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
    expect(edge.authStateMac(KEY, MESSAGE)).toBe(EXPECTED);
  });

  it("compares MACs by value and length", () => {
    expect(macEquals(EXPECTED, EXPECTED.slice())).toBe(true);
    expect(macEquals(EXPECTED, `${EXPECTED.slice(0, -1)}A`)).toBe(EXPECTED.endsWith("A"));
    expect(macEquals(EXPECTED, EXPECTED.slice(0, -1))).toBe(false);
    expect(macEquals("", "")).toBe(true);
  });
});
