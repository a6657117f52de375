import { describe, expect, it } from "vitest";
import { parseJsonc } from "./parse-jsonc.js";

describe("parseJsonc", () => {
  it("drops line and block comments and trailing commas", () => {
    const text = `{
      // the base
      "extends": "./base.json", /* inline */
      "compilerOptions": { "strict": true, },
      "include": ["a", "b",],
    }`;
    expect(parseJsonc(text)).toEqual({
      extends: "./base.json",
      compilerOptions: { strict: true },
      include: ["a", "b"],
    });
  });

  it("leaves comment markers, commas and escaped quotes inside strings alone", () => {
    const text = '{ "url": "http://x//y", "glob": "/*,}", "quote": "a\\"//b" }';
    expect(parseJsonc(text)).toEqual({ url: "http://x//y", glob: "/*,}", quote: 'a"//b' });
  });

  it("throws on what is not JSON once comments are gone", () => {
    expect(() => parseJsonc("{ a: 1 }")).toThrow(SyntaxError);
  });
});
