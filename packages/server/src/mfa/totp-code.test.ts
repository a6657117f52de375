import { describe, expect, it } from "vitest";
import { totpCode } from "./totp-code.js";

// RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const SEED = new TextEncoder().encode("12345678901234567890");
const VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1_111_111_109, "07081804"],
  [1_111_111_111, "14050471"],
  [1_234_567_890, "89005924"],
  [2_000_000_000, "69279037"],
  [20_000_000_000, "65353130"],
];

describe("totpCode", () => {
  it.each(VECTORS)("matches RFC 6238's SHA-1 vector at T=%i", (seconds, expected) => {
    expect(totpCode(SEED, seconds * 1000, { digits: 8 })).toBe(expected);
  });

  it("gives the last six digits by default", () => {
    expect(totpCode(SEED, 59_000)).toBe("287082");
  });

  it("keeps the same code within a 30 s step and changes at its boundary", () => {
    expect(totpCode(SEED, 30_000)).toBe(totpCode(SEED, 59_999));
    expect(totpCode(SEED, 60_000)).not.toBe(totpCode(SEED, 59_999));
  });
});
