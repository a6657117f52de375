import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CreateAppError } from "./create-app-error.js";
import { findMonorepoTraces } from "./find-monorepo-traces.js";
import {
  type PackageManifest,
  requiredLatchkeyPackages,
  tarballName,
} from "./internal/rewrite-manifest.js";
import { type PackPackages, packWithPnpm } from "./pack-packages.js";
import { planApp } from "./plan-app.js";
import { findTemplateSource, type TemplateSource } from "./template-source.js";

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** Folder to create the app in; it must not exist or be empty. */
  directory: string;
  /**
   * Depend on the `@latchkey/*` packages by registry range (`^0.1.0`) instead of tarballs in
   * `vendor/`. Default: tarballs when run from the Latchkey repository, else the registry.
   */
  registry?: boolean;
  /** The app's package name; default: made from the folder's name. */
  name?: string;
  /** Where the demo and packages come from; default: {@link findTemplateSource}. */
  source?: TemplateSource;
  /** Packs the vendored packages; default: `pnpm pack` in each package's folder. */
  pack?: PackPackages;
}

/** What {@link createApp} made. */
export interface CreatedApp {
  directory: string;
  name: string;
  /** Where the `@latchkey/*` packages come from. */
  packages: "vendored" | "registry";
  /** Every file written, relative to `directory` (tarballs included). */
  files: string[];
}

/**
 * A valid npm package name made from a folder's name.
 *
 * @example
 * packageNameFor("My App!"); // "my-app"
 */
export function packageNameFor(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, "-")
    .replace(/^[._-]+/, "")
    .replace(/-+$/, "");
  return name === "" ? "latchkey-app" : name.slice(0, 214);
}

/**
 * Writes a standalone Next.js app made from the Latchkey demo: the demo's files as they are now,
 * with everything that only works inside the repository rewritten, its own README and
 * `.gitignore`, a `dev` script that runs an instance beside `next dev` (`latchkey dev`, set up by
 * the demo's `latchkey.dev.json`), and the `@latchkey/*` packages as
 * tarballs in `vendor/` (or registry ranges). Refuses to write an app that still holds a trace of
 * the repository.
 *
 * @throws CreateAppError `target-not-empty`, `bad-arguments` (tarballs asked of a copy that
 *   cannot pack them), `monorepo-trace`, `packages-not-built`, `pack-failed`, `template-missing`.
 * @example
 * const app = await createApp({ directory: "../my-app" });
 * console.log(`cd ${app.directory} && npm install && npm run dev`);
 */
export async function createApp(options: CreateAppOptions): Promise<CreatedApp> {
  const source = options.source ?? findTemplateSource();
  const directory = resolve(options.directory);
  if (existsSync(directory) && readdirSync(directory).length > 0) {
    throw new CreateAppError(
      "target-not-empty",
      `${directory} exists and is not empty: choose a new folder.`,
    );
  }
  const name = options.name ?? packageNameFor(basename(directory));
  const registry = options.registry ?? source.kind === "packaged";

  const demo = JSON.parse(
    readFileSync(join(source.demoDir, "package.json"), "utf8"),
  ) as PackageManifest;
  const needed = requiredLatchkeyPackages(demo, source.packages).map(
    (packageName) => source.packages[packageName]!,
  );
  let vendored: Record<string, string> | undefined;
  if (!registry) {
    const unpackable = needed.filter((pkg) => !pkg.dir).map((pkg) => pkg.name);
    if (unpackable.length > 0) {
      throw new CreateAppError(
        "bad-arguments",
        `This copy of create-latchkey-app cannot pack ${unpackable.join(", ")}: use --registry.`,
      );
    }
    vendored = Object.fromEntries(needed.map((pkg) => [pkg.name, `vendor/${tarballName(pkg)}`]));
  }

  const files = planApp(source, { name, ...(vendored ? { vendored } : {}) });
  const traces = findMonorepoTraces(files, source.forbiddenText);
  if (traces.length > 0) {
    const list = traces.map((trace) => `  ${trace.file}: ${trace.reason}`).join("\n");
    throw new CreateAppError(
      "monorepo-trace",
      `The app would still depend on the Latchkey repository:\n${list}`,
    );
  }

  for (const [path, content] of files) {
    const target = join(directory, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const written = [...files.keys()];
  if (vendored) {
    await (options.pack ?? packWithPnpm)(needed, join(directory, "vendor"));
    for (const tarball of Object.values(vendored)) {
      if (!existsSync(join(directory, tarball))) {
        throw new CreateAppError("pack-failed", `${tarball} was not written.`);
      }
      written.push(tarball);
    }
  }
  return {
    directory,
    name,
    packages: vendored ? "vendored" : "registry",
    files: written.sort(),
  };
}
