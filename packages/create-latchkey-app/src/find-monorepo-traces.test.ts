import { describe, expect, it } from "vitest";
import { findMonorepoTraces } from "./find-monorepo-traces.js";

function reasons(files: Record<string, string | Uint8Array>, forbidden: string[] = []): string[] {
  return findMonorepoTraces(new Map(Object.entries(files)), forbidden).map(
    (trace) => `${trace.file}: ${trace.reason}`,
  );
}

describe("findMonorepoTraces", () => {
  it("finds nothing in files that stand on their own", () => {
    expect(
      reasons({
        "package.json": '{ "dependencies": { "a": "file:vendor/a-1.0.0.tgz", "b": "^1.0.0" } }',
        "app/sign-up/[[...sign-up]]/page.tsx": 'import { x } from "../../lib/x";',
        "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
        "public/logo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      }),
    ).toEqual([]);
  });

  it("finds workspace ranges, the repository's tooling and the demo's names", () => {
    expect(
      reasons({
        "package.json": '{ "name": "@latchkey/demo", "dependencies": { "a": "workspace:*" } }',
        "tsconfig.json": '{ "extends": "@acme/tsconfig.base.json" }',
        "README.md": "Run `turbo run build` from the repository root, see apps/demo.",
        "notes.txt": "pnpm-workspace.yaml lists it; it is a monorepo",
      }),
    ).toEqual([
      "package.json: a workspace: range",
      "package.json: the demo's package name",
      "tsconfig.json: the repository's tsconfig.base.json",
      "README.md: Turborepo",
      "README.md: the demo's folder",
      "README.md: the repository root",
      "notes.txt: the repository's pnpm-workspace.yaml",
      "notes.txt: the word monorepo",
    ]);
  });

  it("finds relative paths that leave the app and file: ranges outside vendor/", () => {
    expect(
      reasons({
        "next.config.ts": 'const root = resolve(here, "../..");',
        "lib/db.ts": "import x from '../../packages/server/src/index.ts';",
        "package.json": '{ "dependencies": { "a": "file:../a", "b": "link:./b" } }',
      }),
    ).toEqual([
      "next.config.ts: ../.. leaves the app's folder",
      "lib/db.ts: ../../packages/server/src/index.ts leaves the app's folder",
      "package.json: file:../a leaves the app's folder",
      "package.json: file:../a is not a tarball under vendor/",
      "package.json: link:./b is not a tarball under vendor/",
    ]);
  });

  it("finds imports of packages the app does not list (the repository's root had them)", () => {
    expect(
      reasons({
        "package.json":
          '{ "dependencies": { "next": "^16" }, "devDependencies": { "@types/node": "^20" } }',
        "vitest.config.ts": 'import { defineProject } from "vitest/config";',
        "app/page.tsx": `import type { Metadata } from "next";
import { headers } from "next/headers";
import { readFile } from "node:fs/promises";
import path from "path";
import { x } from "@/lib/x";
const { PGlite } = await import("@electric-sql/pglite");
export { thing } from "@acme/ui/button";`,
      }),
    ).toEqual([
      "vitest.config.ts: imports vitest, which package.json does not list",
      "app/page.tsx: imports @electric-sql/pglite, which package.json does not list",
      "app/page.tsx: imports @acme/ui, which package.json does not list",
    ]);
  });

  it("finds the repository's absolute path", () => {
    expect(reasons({ ".env.example": "DATA=/src/latchkey/data" }, ["/src/latchkey"])).toEqual([
      ".env.example: the path /src/latchkey",
    ]);
  });
});
