import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listDemoFiles } from "./internal/demo-files.js";
import { type PackageManifest, standaloneManifest } from "./internal/rewrite-manifest.js";
import { standaloneNextConfig } from "./internal/rewrite-next-config.js";
import { readTsconfig, standaloneTsconfig } from "./internal/rewrite-tsconfig.js";
import { STARTER_GITIGNORE } from "./internal/starter-gitignore.js";
import { starterReadme } from "./internal/starter-readme.js";
import type { TemplateSource } from "./template-source.js";

/** What {@link planApp} makes. */
export interface PlanOptions {
  /** The app's package name. */
  name: string;
  /** Tarballs by package name, as paths inside the app; absent: registry ranges. */
  vendored?: Record<string, string>;
}

/** The files of an app, by path inside it (`/` separators): text as strings, others as bytes. */
export type AppFiles = Map<string, string | Uint8Array>;

const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|css|svg|txt|ya?ml)$/;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The files of a new app, in memory: the demo's files with what only works inside the
 * repository rewritten (`package.json`, `tsconfig.json`, `next.config.ts`), and its own README
 * and `.gitignore`. The demo's `dev` script (`latchkey dev`, from `@latchkey/server`) and its
 * `latchkey.dev.json` come along as they are. Nothing is written; the demo is read as it is now,
 * so the app always matches it.
 *
 * @throws CreateAppError `unknown-workspace-dependency` or `template-missing` from the rewrites.
 * @example
 * const files = planApp(findTemplateSource(), { name: "my-app" });
 * files.get("package.json"); // '{\n  "name": "my-app", …'
 */
export function planApp(source: TemplateSource, options: PlanOptions): AppFiles {
  const files: AppFiles = new Map();
  const demoDir = source.demoDir;
  for (const path of listDemoFiles(demoDir)) {
    const file = join(demoDir, path);
    if (path === "package.json") {
      const demo = JSON.parse(readFileSync(file, "utf8")) as PackageManifest;
      files.set(
        path,
        json(
          standaloneManifest(demo, {
            name: options.name,
            packages: source.packages,
            nodeRange: source.nodeRange,
            ...(options.vendored ? { vendored: options.vendored } : {}),
          }),
        ),
      );
    } else if (path === "tsconfig.json") {
      const tsconfig = standaloneTsconfig(readTsconfig(file), demoDir);
      // `next build` turns this on itself when it is off (SWC needs it), rewriting the file under
      // the user's feet on the first build; the repository's base turns it off for libraries.
      tsconfig.compilerOptions = { ...tsconfig.compilerOptions, esModuleInterop: true };
      files.set(path, json(tsconfig));
    } else if (/^next\.config\.[cm]?[jt]s$/.test(path)) {
      files.set(path, standaloneNextConfig(readFileSync(file, "utf8")));
    } else if (path === "README.md") {
      // Written below, from the demo's README.
    } else {
      files.set(path, TEXT_FILE.test(path) ? readFileSync(file, "utf8") : readFileSync(file));
    }
  }
  const demoReadme = join(demoDir, "README.md");
  files.set(
    "README.md",
    starterReadme({
      name: options.name,
      ...(existsSync(demoReadme) ? { demoReadme: readFileSync(demoReadme, "utf8") } : {}),
      packages: options.vendored ? "vendored" : "registry",
    }),
  );
  files.set(".gitignore", STARTER_GITIGNORE);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
