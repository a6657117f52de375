import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { standaloneNextConfig } from "./rewrite-next-config.js";

const demoConfig = join(
  resolve(import.meta.dirname, "../../../.."),
  "apps",
  "demo",
  "next.config.ts",
);

describe("standaloneNextConfig", () => {
  it("roots Turbopack and output tracing in the app's own folder", () => {
    const source = `import { dirname, resolve } from "node:path";
const here = dirname(fileURLToPath(import.meta.url));
const config = {
  // The monorepo root, so Turbopack follows the workspace links.
  turbopack: { root: resolve(here, "../..") },
  outputFileTracingRoot: resolve(here, '../../'),
};`;
    expect(standaloneNextConfig(source)).toBe(`import { dirname } from "node:path";
const here = dirname(fileURLToPath(import.meta.url));
const config = {
  // This folder is the project's root: Turbopack and output tracing look no further up.
  turbopack: { root: here },
  outputFileTracingRoot: here,
};`);
  });

  it("keeps resolve imported while something still calls it", () => {
    const source = `import { dirname, resolve } from "node:path";
const root = resolve(here, "../..");
const data = resolve(here, "data");`;
    expect(standaloneNextConfig(source)).toContain('import { dirname, resolve } from "node:path";');
  });

  it("leaves nothing of the repository in the demo's config", () => {
    const out = standaloneNextConfig(readFileSync(demoConfig, "utf8"));
    expect(out).not.toMatch(/\.\.\/\.\.|monorepo|workspace/);
    expect(out).toContain("serverExternalPackages");
  });
});
