import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../test/property-params.js";
import { hasUnstorableText, unstorableTextPath } from "./unstorable-text-path.js";

describe("hasUnstorableText", () => {
  it("finds NUL and unpaired surrogates, and nothing else", () => {
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udc00", "\udc00\ud800", "😀\ud83d"]) {
      expect(hasUnstorableText(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ["", "é", "😀", "\u0001", "\\u0000", "\ud83d\ude00"]) {
      expect(hasUnstorableText(good), JSON.stringify(good)).toBe(false);
    }
  });

  it("agrees with a UTF-8 round trip for any string without NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        fc.pre(!text.includes("\u0000"));
        const roundTrips = new TextDecoder().decode(new TextEncoder().encode(text)) === text;
        expect(hasUnstorableText(text)).toBe(!roundTrips);
      }),
      propertyParams(),
    );
  });
});

describe("unstorableTextPath", () => {
  it("names the parameter holding unstorable text, in values, nested objects, arrays and keys", () => {
    expect(unstorableTextPath("a\u0000")).toBe("");
    expect(unstorableTextPath({ first_name: "a\u0000b" })).toBe("first_name");
    expect(unstorableTextPath({ public_metadata: { a: { b: ["x", "\ud800"] } } })).toBe(
      "public_metadata.a.b",
    );
    expect(unstorableTextPath({ public_metadata: { "k\u0000": 1 } })).toBe(
      "public_metadata.k\u0000",
    );
    expect(unstorableTextPath({ email_address: ["ok@example.com", "b\u0000@x.io"] })).toBe(
      "email_address",
    );
  });

  it("answers undefined for storable values", () => {
    expect(unstorableTextPath({ a: "\\u0000", b: 1, c: null, d: [true, { e: "é\u0001😀" }] })).toBe(
      undefined,
    );
  });

  it("finds a NUL wherever it is in arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const hasNul = (JSON.stringify(value) ?? "").includes("\\u0000");
        expect(unstorableTextPath(value) !== undefined).toBe(hasNul);
      }),
      propertyParams(),
    );
  });
});
