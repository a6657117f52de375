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

  it("compares MACs by value and length", () => {
    expect(macEquals(EXPECTED, EXPECTED.slice())).toBe(true);
    expect(macEquals(EXPECTED, `${EXPECTED.slice(0, -1)}A`)).toBe(EXPECTED.endsWith("A"));
    expect(macEquals(EXPECTED, EXPECTED.slice(0, -1))).toBe(false);
    expect(macEquals("", "")).toBe(true);
  });
});
