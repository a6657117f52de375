/**
 * Every `.tsx` file of the server names its JSX runtime (hono/jsx, automatic) in pragmas, so it
 * compiles the same however it is loaded: by tsc with the package's tsconfig, by Vitest, or by
 * `tsx` started from another folder (which finds no tsconfig and would assume React).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));

function tsxFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tsxFiles(path, found);
    else if (entry.name.endsWith(".tsx")) found.push(path);
  }
  return found;
}

describe("JSX pragmas", () => {
  it("name hono/jsx and the automatic runtime in every .tsx file", () => {
    const missing = tsxFiles(SRC)
      .filter((file) => {
        const head = readFileSync(file, "utf8").slice(0, 300);
        return (
          !head.includes("@jsxRuntime automatic") || !head.includes("@jsxImportSource hono/jsx")
        );
      })
      .map((file) => relative(SRC, file));
    expect(missing).toEqual([]);
  });
});
