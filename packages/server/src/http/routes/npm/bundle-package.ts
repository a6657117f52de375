import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The npm packages whose browser bundles the instance serves under `/npm/…`. */
export const BUNDLE_PACKAGES = ["@clerk/clerk-js", "@clerk/ui"] as const;

/** One of {@link BUNDLE_PACKAGES}. */
export type BundlePackageName = (typeof BUNDLE_PACKAGES)[number];

/** An installed bundle package: its version and its `dist/` directory (real path). */
export interface BundlePackage {
  name: BundlePackageName;
  version: string;
  distDir: string;
}

/**
 * Resolves a module specifier to a file path, as `require.resolve` does; throws (`code`
 * `MODULE_NOT_FOUND`) when the package is not installed.
 */
export type PackageResolver = (specifier: string) => string;

/** Node's resolution from this package (where its optional dependencies are installed). */
export const nodePackageResolver: PackageResolver = (specifier) =>
  createRequire(import.meta.url).resolve(specifier);

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

function readManifest(path: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}

/** The package's `package.json`: exported, or found above its main entry (clerk-js exports none). */
function manifestPath(name: string, resolve: PackageResolver): string | null {
  try {
    return resolve(`${name}/package.json`);
  } catch (error) {
    if (codeOf(error) !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw error;
  }
  for (let dir = dirname(resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (readManifest(candidate)?.name === name) return candidate;
  }
  return null;
}

/**
 * Finds an installed bundle package (once, at the first request for it): its version from its
 * `package.json` and the real path of its `dist/` directory. Null when it is not installed (or
 * has no `dist/`): it is an optional dependency.
 *
 * @throws Error for a resolution failure other than a missing package
 * @example
 * const clerkJs = findBundlePackage("@clerk/clerk-js", nodePackageResolver);
 */
export function findBundlePackage(
  name: BundlePackageName,
  resolve: PackageResolver,
): BundlePackage | null {
  let path: string | null;
  try {
    path = manifestPath(name, resolve);
  } catch (error) {
    if (codeOf(error) === "MODULE_NOT_FOUND") return null;
    throw error;
  }
  if (path === null) return null;
  const manifest = readManifest(path);
  if (manifest === null || typeof manifest.version !== "string") return null;
  try {
    return { name, version: manifest.version, distDir: realpathSync(join(dirname(path), "dist")) };
  } catch {
    return null;
  }
}
