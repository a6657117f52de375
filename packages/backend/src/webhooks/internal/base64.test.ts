import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../../test/property-params.js";
import { decodeBase64, encodeBase64 } from "./base64.js";

describe("base64", () => {
  it("round-trips arbitrary bytes and agrees with Buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(decodeBase64(encoded)).toEqual(new Uint8Array(bytes));
      }),
      propertyParams(),
    );
  });

  it("accepts missing padding", () => {
    expect(decodeBase64("YWI")).toEqual(new Uint8Array([0x61, 0x62]));
  });

  it.each(["a", "ab=c", "YW I=", "YWI-", "YWI_", "YQ===", "\u00e9", " YWI="])(
    "rejects %j",
    (input) => {
      expect(decodeBase64(input)).toBeUndefined();
    },
  );
});
