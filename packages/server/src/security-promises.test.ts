/**
 * SECURITY.md names, for each promise, the tests that prove it. A promise whose test was renamed
 * or deleted would silently stand unproven: every test file it names must exist.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SKIP = new Set(["node_modules", "dist", ".next", ".turbo", "test-results", ".git"]);

function testFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, found);
    else if (/\.(test|spec)\.tsx?$/.test(entry.name)) found.push(path.slice(ROOT.length));
  }
  return found;
}

/** `src/abuse/*.test.ts` → a pattern matching the end of a repository path. */
function patternOf(reference: string): RegExp {
  const escaped = reference.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`(^|/)${escaped}$`);
}

describe("SECURITY.md", () => {
  const text = readFileSync(join(ROOT, "SECURITY.md"), "utf8");
  const references = [...text.matchAll(/`([^`\s]+\.(?:test|spec)\.tsx?)`/g)].map((m) => m[1] ?? "");
  const files = testFiles(ROOT);

  it("names tests for its promises", () => {
    expect(references.length).toBeGreaterThan(20);
  });

  it("names only test files that exist", () => {
    const missing = references.filter((reference) => {
      const pattern = patternOf(reference);
      return !files.some((file) => pattern.test(file) || basename(file) === reference);
    });
    expect(missing).toEqual([]);
  });
});
