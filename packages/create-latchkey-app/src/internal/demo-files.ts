import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Folders of the demo that are not part of an app: builds, data, caches. */
const SKIPPED_FOLDERS = new Set([
  "node_modules",
  ".next",
  ".turbo",
  ".data",
  ".latchkey",
  ".vercel",
  "coverage",
  "test-results",
]);

/** Files of the demo that are made per machine or belong to the repository's tooling and tests. */
function isSkippedFile(name: string): boolean {
  return (
    name.startsWith(".env") ||
    name.endsWith(".tsbuildinfo") ||
    name === "next-env.d.ts" ||
    name === "turbo.json" ||
    name === ".gitignore" ||
    name === ".DS_Store" ||
    /^(?:vitest|vite|playwright)\.config\.[cm]?[jt]s$/.test(name) ||
    /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name) ||
    /\.test-helpers\.[cm]?[jt]sx?$/.test(name)
  );
}

/**
 * The demo's own files, as paths relative to `demoDir` with `/` separators, sorted: sources,
 * styles, configuration and README, without builds, data, secrets, tests (the repository runs
 * them, with its own tools) or the repository's tooling.
 *
 * @example
 * listDemoFiles("apps/demo"); // ["README.md", "app/api/token/route.ts", …, "tsconfig.json"]
 */
export function listDemoFiles(demoDir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(demoDir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile() && !isSkippedFile(entry.name)) {
        found.push(path);
      }
    }
  };
  walk("");
  return found.sort();
}
