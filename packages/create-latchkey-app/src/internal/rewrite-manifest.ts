import { CreateAppError } from "../create-app-error.js";
import type { LatchkeyPackage } from "../template-source.js";

/** A `package.json`, as far as the generator reads it; other fields are kept as they are. */
export interface PackageManifest {
  name?: string;
  version?: string;
  private?: boolean;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** How {@link standaloneManifest} turns the demo's manifest into the app's. */
export interface ManifestOptions {
  /** The app's package name. */
  name: string;
  /** The `@latchkey/*` packages, by name (versions for registry ranges). */
  packages: Record<string, LatchkeyPackage>;
  /**
   * Tarballs by package name, as paths inside the app (`vendor/latchkey-nextjs-0.1.0.tgz`):
   * every `@latchkey/*` dependency, direct or not, is installed from these. Absent: registry
   * ranges (`^0.1.0`).
   */
  vendored?: Record<string, string>;
  /** `engines.node` of the app. */
  nodeRange: string;
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies"] as const;

/**
 * The file name `npm pack` and `pnpm pack` give a package's tarball.
 *
 * @example
 * tarballName({ name: "@latchkey/nextjs", version: "0.1.0" }); // "latchkey-nextjs-0.1.0.tgz"
 */
export function tarballName(pkg: Pick<LatchkeyPackage, "name" | "version">): string {
  return `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;
}

/**
 * The `@latchkey/*` packages an app with this manifest installs: its own dependencies on them
 * and theirs, in a stable order.
 *
 * @throws CreateAppError `unknown-workspace-dependency` when one is not among `packages`.
 * @example
 * requiredLatchkeyPackages(demoManifest, source.packages); // ["@latchkey/backend", "@latchkey/nextjs", "@latchkey/server"]
 */
export function requiredLatchkeyPackages(
  manifest: PackageManifest,
  packages: Record<string, LatchkeyPackage>,
): string[] {
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    const pkg = packages[name];
    if (!pkg) {
      throw new CreateAppError(
        "unknown-workspace-dependency",
        `The demo depends on ${name}, which is not one of the packages that can be installed (${Object.keys(packages).join(", ")}).`,
      );
    }
    needed.add(name);
    for (const dependency of pkg.latchkeyDependencies) visit(dependency);
  };
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (name.startsWith("@latchkey/") || range.startsWith("workspace:")) visit(name);
    }
  }
  return [...needed].sort();
}

/** The registry range for a workspace range: `workspace:~` keeps `~`, anything else gets `^`. */
function registryRange(range: string, version: string): string {
  if (range === "workspace:~") return `~${version}`;
  if (/^workspace:\d/.test(range)) return range.slice("workspace:".length);
  return `^${version}`;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The app's `package.json` from the demo's: its own name, no `workspace:` ranges (vendored
 * tarballs by `file:` or registry ranges), `overrides` (npm) and `pnpm.overrides` so that the
 * packages' own dependencies on each other resolve to the tarballs too. The demo's scripts stay
 * as they are: its `dev` script, `latchkey dev`, comes with `@latchkey/server`.
 *
 * @throws CreateAppError `unknown-workspace-dependency` for a `workspace:` range on a package
 *   that is not a known `@latchkey/*` package.
 * @example
 * standaloneManifest(demo, { name: "my-app", packages, nodeRange: ">=20.9.0" });
 */
export function standaloneManifest(
  demo: PackageManifest,
  options: ManifestOptions,
): PackageManifest {
  const needed = requiredLatchkeyPackages(demo, options.packages);
  const missing = needed.filter((name) => options.vendored && !options.vendored[name]);
  if (missing.length > 0) {
    throw new CreateAppError(
      "unknown-workspace-dependency",
      `No vendored tarball was given for ${missing.join(", ")}.`,
    );
  }
  const specFor = (name: string, range: string): string => {
    const pkg = options.packages[name];
    if (!pkg) return range;
    const tarball = options.vendored?.[name];
    return tarball ? `file:${tarball}` : registryRange(range, pkg.version);
  };
  const rewritten: Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>> = {
    dependencies: {},
    devDependencies: {},
  };
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(demo[field] ?? {})) {
      rewritten[field][name] = specFor(name, range);
    }
  }
  const direct = new Set([
    ...Object.keys(rewritten.dependencies),
    ...Object.keys(rewritten.devDependencies),
  ]);

  const { name: _name, version: _version, private: _private, ...rest } = demo;
  const manifest: PackageManifest = {
    name: options.name,
    version: "0.1.0",
    private: true,
    ...rest,
    engines: { node: options.nodeRange },
    dependencies: sortedRecord(rewritten.dependencies),
    devDependencies: sortedRecord(rewritten.devDependencies),
  };
  const pnpm: Record<string, unknown> = { ...(demo.pnpm as Record<string, unknown> | undefined) };
  const vendored = options.vendored;
  if (vendored) {
    // Nested dependencies (`@latchkey/nextjs` → `@latchkey/backend`) name a registry version;
    // until that version is published they must come from the tarballs as well. npm refers to a
    // direct dependency's own range with `$name`.
    manifest.overrides = Object.fromEntries(
      needed.map((name) => [name, direct.has(name) ? `$${name}` : `file:${vendored[name]}`]),
    );
    pnpm.overrides = Object.fromEntries(needed.map((name) => [name, `file:${vendored[name]}`]));
  }
  if (Object.keys(pnpm).length > 0) manifest.pnpm = pnpm;
  return manifest;
}
