import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../../test/property-params.js";
import { decodeBase64Url, encodeBase64Url } from "./base64url.js";

describe("base64url", () => {
  it("round-trips arbitrary bytes and agrees with Node's encoder", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64Url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64Url(encoded)).toEqual(bytes);
      }),
      propertyParams(),
    );
  });

  it("rejects characters outside the alphabet, padding, and impossible lengths", () => {
    for (const bad of ["a", "ab+c", "ab/c", "ab=", "é", "abcde"]) {
      expect(decodeBase64Url(bad)).toBeUndefined();
    }
  });
});
