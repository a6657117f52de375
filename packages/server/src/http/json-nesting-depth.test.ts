import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../test/property-params.js";
import { jsonNestingDepth } from "./json-nesting-depth.js";

/** The nesting depth of a parsed value, for comparison. */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

describe("jsonNestingDepth", () => {
  it("counts brackets outside strings only", () => {
    expect(jsonNestingDepth("1")).toBe(0);
    expect(jsonNestingDepth("{}")).toBe(1);
    expect(jsonNestingDepth('{"a":[1,{"b":"[[{{"}]}')).toBe(3);
    expect(jsonNestingDepth('["\\"[["]')).toBe(1);
    expect(jsonNestingDepth(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBe(100_000);
  });

  it("agrees with the parsed value's depth for arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(jsonNestingDepth(text)).toBe(depthOf(value));
      }),
      propertyParams(),
    );
  });
});
