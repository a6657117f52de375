import { describe, expect, it } from "vitest";
import { decodeBase32, encodeBase32 } from "./base32.js";
import { totpCode } from "./totp-code.js";
import { isValidTotpSecret, verifyTotpCode } from "./verify-totp-code.js";

const SEED = new TextEncoder().encode("12345678901234567890");
const SECRET = encodeBase32(SEED);
const NOW = 1_767_225_600_000;

describe("base32", () => {
  it("round-trips and decodes RFC 4648 vectors", () => {
    expect(SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(new TextDecoder().decode(decodeBase32("MZXW6YTBOI======")!)).toBe("foobar");
    expect(decodeBase32("gezd gnbv")).toEqual(decodeBase32("GEZDGNBV"));
    expect(decodeBase32("not base32!")).toBeNull();
    expect(decodeBase32("")).toBeNull();
  });
});

describe("verifyTotpCode", () => {
  it("accepts the current code and one step either side", () => {
    for (const offset of [-30_000, 0, 30_000]) {
      expect(verifyTotpCode(SECRET, totpCode(SEED, NOW + offset), NOW)).toBe(true);
    }
  });

  it("rejects codes two steps away, wrong codes and malformed input", () => {
    expect(verifyTotpCode(SECRET, totpCode(SEED, NOW + 60_000), NOW)).toBe(false);
    expect(verifyTotpCode(SECRET, totpCode(SEED, NOW - 60_000), NOW)).toBe(false);
    const right = totpCode(SEED, NOW);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotpCode(SECRET, wrong, NOW)).toBe(false);
    expect(verifyTotpCode(SECRET, `${right}0`, NOW)).toBe(false);
    expect(verifyTotpCode(SECRET, "abcdef", NOW)).toBe(false);
    expect(verifyTotpCode("!!!", right, NOW)).toBe(false);
  });

  it("validates secrets", () => {
    expect(isValidTotpSecret(SECRET)).toBe(true);
    expect(isValidTotpSecret("GEZDGNBV")).toBe(false);
    expect(isValidTotpSecret("nope!")).toBe(false);
  });
});
