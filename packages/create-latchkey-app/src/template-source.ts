import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateAppError } from "./create-app-error.js";

/** One `@latchkey/*` package a new app may depend on. */
export interface LatchkeyPackage {
  name: string;
  version: string;
  /** Its own `@latchkey/*` runtime dependencies (what must be vendored with it). */
  latchkeyDependencies: string[];
  /** Its source folder, when it can be packed from here (inside the Latchkey repository). */
  dir?: string;
}

/** Where the files of a new app come from. */
export interface TemplateSource {
  /** `repository`: the demo itself, read in place; `packaged`: the copy made when packing. */
  kind: "repository" | "packaged";
  /** Folder holding the demo app's files. */
  demoDir: string;
  /** The `@latchkey/*` packages, by name. */
  packages: Record<string, LatchkeyPackage>;
  /** The Node.js range the app asks for (`engines.node`). */
  nodeRange: string;
  /** Text that must not appear in a generated file: the repository's absolute path. */
  forbiddenText: string[];
}

/** What `prepack` writes beside the demo's copy (`template/latchkey-packages.json`). */
export interface PackagedManifest {
  packages: Record<string, LatchkeyPackage>;
  nodeRange: string;
}

/** Folder of the demo's copy inside the packed package's `template/`. */
export const PACKAGED_DEMO_FOLDER = "demo";
/** File beside it with the package versions and tool ranges ({@link PackagedManifest}). */
export const PACKAGED_MANIFEST_FILE = "latchkey-packages.json";

interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

/**
 * This package's own folder (one level above `src/` and `dist/`).
 *
 * @example
 * join(packageRoot(), "template");
 */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..");
}

/**
 * The template read straight from a checkout of the Latchkey repository: `apps/demo`, and each
 * public `@latchkey/*` package under `packages/`, packable with `pnpm pack`.
 *
 * @throws CreateAppError `template-missing` when `repoRoot` holds no `apps/demo`.
 * @example
 * const source = repositorySource("/src/latchkey");
 */
export function repositorySource(repoRoot: string): TemplateSource {
  const demoDir = join(repoRoot, "apps", "demo");
  if (!existsSync(join(demoDir, "package.json"))) {
    throw new CreateAppError("template-missing", `No demo app at ${demoDir}.`);
  }
  const packages: Record<string, LatchkeyPackage> = {};
  const packagesDir = join(repoRoot, "packages");
  for (const folder of readdirSync(packagesDir).sort()) {
    const file = join(packagesDir, folder, "package.json");
    if (!existsSync(file)) continue;
    const manifest = readManifest(file);
    if (!manifest.name?.startsWith("@latchkey/") || manifest.private || !manifest.version) continue;
    packages[manifest.name] = {
      name: manifest.name,
      version: manifest.version,
      latchkeyDependencies: Object.keys(manifest.dependencies ?? {}).filter((name) =>
        name.startsWith("@latchkey/"),
      ),
      dir: join(packagesDir, folder),
    };
  }
  const root = readManifest(join(repoRoot, "package.json"));
  return {
    kind: "repository",
    demoDir,
    packages,
    nodeRange: root.engines?.node ?? ">=20.9.0",
    forbiddenText: [repoRoot],
  };
}

/**
 * The copy of the demo that `prepack` put in this package (`template/`), for a published
 * `create-latchkey-app`: its packages come from a registry.
 *
 * @throws CreateAppError `template-missing` when the package holds no template.
 * @example
 * const source = packagedSource(packageRoot());
 */
export function packagedSource(root: string): TemplateSource {
  const templateDir = join(root, "template");
  const manifestFile = join(templateDir, PACKAGED_MANIFEST_FILE);
  if (!existsSync(manifestFile)) {
    throw new CreateAppError(
      "template-missing",
      `This copy of create-latchkey-app has no template (${manifestFile} is missing).`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as PackagedManifest;
  return {
    kind: "packaged",
    demoDir: join(templateDir, PACKAGED_DEMO_FOLDER),
    packages: manifest.packages,
    nodeRange: manifest.nodeRange,
    forbiddenText: [],
  };
}

/**
 * The repository this package sits in, when it is the Latchkey repository's own copy (its
 * `packages/create-latchkey-app`, beside `apps/demo`); undefined for an installed copy.
 *
 * @example
 * enclosingRepository(); // "/src/latchkey" in a checkout, undefined under node_modules
 */
export function enclosingRepository(root = packageRoot()): string | undefined {
  const repoRoot = resolve(root, "../..");
  const ownCopy = join(repoRoot, "packages", "create-latchkey-app");
  if (!existsSync(join(repoRoot, "apps", "demo", "package.json")) || !existsSync(ownCopy)) {
    return undefined;
  }
  return realpathSync(ownCopy) === realpathSync(root) ? repoRoot : undefined;
}

/**
 * Where this copy of `create-latchkey-app` takes the template from: the repository's demo when
 * run from a checkout, else the template packed into it.
 *
 * @throws CreateAppError `template-missing` when neither is there.
 * @example
 * const source = findTemplateSource();
 */
export function findTemplateSource(root = packageRoot()): TemplateSource {
  const repoRoot = enclosingRepository(root);
  return repoRoot ? repositorySource(repoRoot) : packagedSource(root);
}
