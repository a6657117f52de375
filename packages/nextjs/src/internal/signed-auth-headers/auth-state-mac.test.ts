import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type AuthStateMac, authStateMacFor } from "./auth-state-mac.js";

const KEY = "sk_test_mac_fixture";
const MESSAGE = '["latchkey.auth-headers.v1","signed-in","","h.p.s","https://app.test/é"]';
const EXPECTED = createHmac("sha256", KEY).update(MESSAGE, "utf8").digest("base64url");

/** The MAC of `message` under `mac`, whichever runtime form it has. */
async function signed(mac: AuthStateMac, message: string): Promise<string> {
  return mac.runtime === "node" ? mac.sign(message) : await mac.sign(message);
}

async function verified(mac: AuthStateMac, message: string, value: string): Promise<boolean> {
  return mac.runtime === "node" ? mac.verify(message, value) : await mac.verify(message, value);
}

/** The module as an edge runtime (no `node:crypto`) loads it. */
async function edgeModule() {
  vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
  vi.resetModules();
  return import("./auth-state-mac.js");
}

describe("authStateMacFor", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("is HMAC-SHA256 in unpadded base64url, computed at once with createHmac on Node", () => {
    const mac = authStateMacFor(KEY);
    expect(mac.runtime).toBe("node");
    if (mac.runtime === "node") expect(mac.sign(MESSAGE)).toBe(EXPECTED);
  });

  it("gives the same MAC through Web Crypto where node:crypto is missing (edge runtimes)", async () => {
    const edge = await edgeModule();
    const mac = edge.authStateMacFor(KEY);
    expect(mac.runtime).toBe("web");
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    expect(await signed(edge.authStateMacFor("sk_test_other"), MESSAGE)).not.toBe(EXPECTED);
  });

  it("matches node:crypto's HMAC for long messages, non-ASCII text and keys longer than a block", async () => {
    const cases: [string, string][] = [
      [KEY, "x".repeat(5000)],
      [KEY, `${"é€😀".repeat(700)}tail`],
      ["k".repeat(200), MESSAGE],
      ["", MESSAGE],
      [KEY, ""],
      [KEY, "a".repeat(20_000)],
      [KEY, MESSAGE],
    ];
    const edge = await edgeModule();
    for (const [key, message] of cases) {
      const expected = createHmac("sha256", key).update(message, "utf8").digest("base64url");
      // Web Crypto refuses an empty HMAC key (an app's secret key never is).
      const forms =
        key === "" ? [authStateMacFor(key)] : [authStateMacFor(key), edge.authStateMacFor(key)];
      for (const mac of forms) {
        expect(await signed(mac, message), `${mac.runtime} ${key.length}/${message.length}`).toBe(
          expected,
        );
      }
    }
  });

  it("remembers recent MACs per key: no HMAC computed for a message signed moments before", async () => {
    const real = process.getBuiltinModule("node:crypto") as typeof import("node:crypto");
    const createHmacSpy = vi.fn(real.createHmac);
    const original = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) =>
      id === "node:crypto"
        ? { createHmac: createHmacSpy, timingSafeEqual: real.timingSafeEqual }
        : original(id)) as typeof process.getBuiltinModule);
    vi.resetModules();
    const fresh = await import("./auth-state-mac.js");
    const mac = fresh.authStateMacFor(KEY);
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    const calls = createHmacSpy.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    expect(await verified(mac, MESSAGE, EXPECTED)).toBe(true);
    expect(createHmacSpy.mock.calls.length).toBe(calls);
    // Another key never gets this key's MAC.
    const other = createHmac("sha256", "sk_test_other").update(MESSAGE, "utf8").digest("base64url");
    expect(await signed(fresh.authStateMacFor("sk_test_other"), MESSAGE)).toBe(other);
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    // Bounded: after 1,024 other messages, the first one is computed again.
    for (let i = 0; i < 1024; i++) await signed(mac, `${MESSAGE}${i}`);
    const before = createHmacSpy.mock.calls.length;
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    expect(createHmacSpy.mock.calls.length).toBeGreaterThan(before);
  });

  it("remembers a MAC on edge runtimes too: signing it again asks Web Crypto nothing", async () => {
    const edge = await edgeModule();
    const mac = edge.authStateMacFor(KEY);
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    const sign = vi.spyOn(crypto.subtle, "sign");
    expect(await signed(mac, MESSAGE)).toBe(EXPECTED);
    expect(sign).not.toHaveBeenCalled();
  });

  it("fails closed: a wrong secret, a tampered message or a tampered MAC does not verify", async () => {
    const edge = await edgeModule();
    const tamperedMac = `${EXPECTED.slice(0, -1)}${EXPECTED.endsWith("A") ? "B" : "A"}`;
    for (const [mac, other] of [
      [authStateMacFor(KEY), authStateMacFor("sk_test_wrong")],
      [edge.authStateMacFor(KEY), edge.authStateMacFor("sk_test_wrong")],
    ] as const) {
      expect(await verified(mac, MESSAGE, EXPECTED), mac.runtime).toBe(true);
      expect(await verified(other, MESSAGE, EXPECTED), mac.runtime).toBe(false);
      expect(await verified(mac, `${MESSAGE} `, EXPECTED), mac.runtime).toBe(false);
      expect(await verified(mac, MESSAGE, tamperedMac), mac.runtime).toBe(false);
      expect(await verified(mac, MESSAGE, EXPECTED.slice(0, -1)), mac.runtime).toBe(false);
      expect(await verified(mac, MESSAGE, `${EXPECTED}A`), mac.runtime).toBe(false);
      expect(await verified(mac, MESSAGE, ""), mac.runtime).toBe(false);
      expect(await verified(mac, MESSAGE, "not base64url!"), mac.runtime).toBe(false);
    }
  });
});
