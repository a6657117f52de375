import { isAbsolute, join, normalize, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBundlePath } from "./bundle-path.js";

describe("parseBundlePath", () => {
  it("reads the package, the version or tag and the file under dist/", () => {
    expect(parseBundlePath("@clerk/clerk-js@6/dist/clerk.browser.js")).toEqual({
      name: "@clerk/clerk-js",
      version: "6",
      file: ["clerk.browser.js"],
    });
    expect(parseBundlePath("%40clerk/ui@1.34.0/dist/themes/shadcn.css")).toEqual({
      name: "@clerk/ui",
      version: "1.34.0",
      file: ["themes", "shadcn.css"],
    });
    expect(parseBundlePath("@clerk/ui@latest/dist/ui.browser.js")?.version).toBe("latest");
  });

  it.each([
    ["a dot-dot segment", "@clerk/clerk-js@6/dist/../package.json"],
    ["an encoded dot-dot", "@clerk/clerk-js@6/dist/%2e%2e/package.json"],
    ["an upper-case encoded dot-dot", "@clerk/clerk-js@6/dist/%2E%2E/%2E%2E/etc/passwd"],
    ["a dot segment", "@clerk/clerk-js@6/dist/./clerk.browser.js"],
    ["an encoded slash", "@clerk/clerk-js@6/dist/..%2fpackage.json"],
    ["an encoded backslash", "@clerk/clerk-js@6/dist/..%5cpackage.json"],
    ["an absolute path", "@clerk/clerk-js@6/dist//etc/passwd"],
    ["an encoded absolute path", "@clerk/clerk-js@6/dist/%2Fetc%2Fpasswd"],
    ["a NUL", "@clerk/clerk-js@6/dist/clerk.browser.js%00.map"],
    ["a control character", "@clerk/clerk-js@6/dist/clerk%0a.js"],
    ["a drive letter", "@clerk/clerk-js@6/dist/C:%5cwindows"],
    ["a malformed escape", "@clerk/clerk-js@6/dist/%E0%A4%A.js"],
    ["a file outside dist/", "@clerk/clerk-js@6/package.json"],
    ["no file", "@clerk/clerk-js@6/dist/"],
    ["no version", "@clerk/clerk-js/dist/clerk.browser.js"],
    ["an empty version", "@clerk/clerk-js@/dist/clerk.browser.js"],
    ["another package", "@clerk/backend@3/dist/index.js"],
    ["an unscoped package", "clerk-js@6/dist/clerk.browser.js"],
  ])("refuses %s", (_, path) => {
    expect(parseBundlePath(path)).toBeNull();
  });

  it("never names a file outside dist/, whatever the path", () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "", "%2e%2e", "%2E.", "%2f", "%5c", "%00", "a", "x.js", "%"),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const parsed = parseBundlePath(`@clerk/clerk-js@6/dist/${segments.join("/")}`);
        if (parsed === null) return;
        const dist = `${sep}pkg${sep}dist`;
        const full = join(dist, ...parsed.file);
        expect(full.startsWith(`${dist}${sep}`)).toBe(true);
        expect(normalize(full)).toBe(full);
        for (const part of parsed.file) expect(isAbsolute(part)).toBe(false);
      }),
    );
  });
});
