import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseDevConfig } from "@latchkey/server";
import { describe, expect, it } from "vitest";
import { findMonorepoTraces } from "./find-monorepo-traces.js";
import { listDemoFiles } from "./internal/demo-files.js";
import type { PackageManifest } from "./internal/rewrite-manifest.js";
import { planApp } from "./plan-app.js";
import { repositorySource } from "./template-source.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const source = repositorySource(repoRoot);
const vendored = Object.fromEntries(
  Object.values(source.packages).map((pkg) => [
    pkg.name,
    `vendor/${pkg.name.slice(1).replace("/", "-")}-${pkg.version}.tgz`,
  ]),
);

function text(files: Map<string, string | Uint8Array>, path: string): string {
  const content = files.get(path);
  if (typeof content !== "string") throw new Error(`${path} is not a text file of the app`);
  return content;
}

describe.each([
  ["vendored", { name: "my-app", vendored }],
  ["--registry", { name: "my-app" }],
] as const)("planApp from this repository's demo (%s)", (_mode, options) => {
  const files = planApp(source, options);

  it("has every file of the demo except the repository's tooling", () => {
    const demoFiles = listDemoFiles(source.demoDir);
    for (const path of demoFiles) expect(files.has(path), path).toBe(true);
    expect(demoFiles).not.toContain("turbo.json");
    expect(demoFiles).not.toContain("vitest.config.ts");
    expect([...files.keys()].filter((path) => path.startsWith("scripts/"))).toEqual([]);
    expect(files.has(".gitignore")).toBe(true);
    expect(files.has(".env.local")).toBe(false);
  });

  it("leaves no workspace: range, monorepo path or repository path in any file", () => {
    expect(findMonorepoTraces(files, source.forbiddenText)).toEqual([]);
    for (const [path, content] of files) {
      if (typeof content !== "string") continue;
      expect(content, path).not.toContain("workspace:");
      expect(content, path).not.toContain(repoRoot);
      expect(content, path).not.toMatch(/tsconfig\.base|turbo\.json|apps\/demo/);
    }
  });

  it("copies the demo's pages as they are", () => {
    for (const path of ["proxy.ts", "app/layout.tsx", "app/dashboard/page.tsx"]) {
      expect(text(files, path)).toBe(readFileSync(join(source.demoDir, path), "utf8"));
    }
  });

  it("writes a tsconfig without extends that keeps the base's strictness", () => {
    const tsconfig = JSON.parse(text(files, "tsconfig.json"));
    expect(tsconfig.extends).toBeUndefined();
    expect(tsconfig.compilerOptions).toMatchObject({
      strict: true,
      noUncheckedIndexedAccess: true,
      moduleResolution: "Bundler",
      esModuleInterop: true,
      paths: { "@/*": ["./*"] },
    });
  });

  it("names the app and runs it with `latchkey dev` and the demo's latchkey.dev.json", () => {
    const manifest = JSON.parse(text(files, "package.json")) as PackageManifest;
    expect(manifest.name).toBe("my-app");
    expect(manifest.scripts?.dev).toBe("latchkey dev");
    // The command comes with the server package; nothing else runs the dev script.
    expect(manifest.devDependencies?.["@latchkey/server"]).toBeDefined();
    expect(manifest.devDependencies?.tsx).toBeUndefined();
    const config = text(files, "latchkey.dev.json");
    expect(config).toBe(readFileSync(join(source.demoDir, "latchkey.dev.json"), "utf8"));
    expect(parseDevConfig(JSON.parse(config)).jwtTemplates.map((t) => t.name)).toEqual([
      "demo-backend",
    ]);
  });

  it("writes a README of its own that still explains the demo's files", () => {
    const readme = text(files, "README.md");
    expect(readme).toMatch(/^# my-app\n/);
    expect(readme).toContain("npm run dev");
    expect(readme).toContain("## What is where");
    expect(readme).toContain("## Environment");
    expect(readme).not.toContain("pnpm test:e2e");
  });
});

describe("planApp, vendored versus --registry", () => {
  it("differ only in package.json and the README's packages section", () => {
    const local = planApp(source, { name: "my-app", vendored });
    const registry = planApp(source, { name: "my-app" });
    expect([...local.keys()]).toEqual([...registry.keys()]);
    const differing = [...local.keys()].filter((path) => local.get(path) !== registry.get(path));
    expect(differing).toEqual(["package.json", "README.md"]);
    expect(text(local, "README.md")).toContain("vendor/");
    expect(text(registry, "README.md")).not.toContain("vendor/");
    const manifest = JSON.parse(text(registry, "package.json")) as PackageManifest;
    const nextjs = source.packages["@latchkey/nextjs"]!;
    expect(manifest.dependencies?.["@latchkey/nextjs"]).toBe(`^${nextjs.version}`);
  });
});
