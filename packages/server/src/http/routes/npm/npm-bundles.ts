import type { Hono } from "hono";
import { ApiError } from "../../../errors/api-error.js";
import type { AppEnv } from "../../app-env.js";
import { type BundleFileLookup, bundleFileLookup, bundleFileResponse } from "./bundle-file.js";
import {
  type BundlePackage,
  type BundlePackageName,
  findBundlePackage,
  nodePackageResolver,
  type PackageResolver,
} from "./bundle-package.js";
import { parseBundlePath } from "./bundle-path.js";
import { matchBundleVersion } from "./bundle-version.js";

/** Input of {@link mountNpmBundles}. */
export interface MountNpmBundlesInput {
  /** Path prefixes to serve `/npm/…` under: `""` (the instance's root) and the Frontend API's. */
  bases: readonly string[];
  /** How the packages are found (default: Node's resolution from this package). */
  resolvePackage?: PackageResolver;
}

/**
 * Serves the browser bundles of Clerk's SDKs, as Clerk's Frontend API host does:
 * `GET|HEAD <base>/npm/@clerk/clerk-js@<version>/dist/<file>` and `…/@clerk/ui@<version>/dist/<file>`,
 * from the packages installed as optional dependencies of this one. `<version>` is the installed
 * version (cached for good), its major, `latest` or another version of that major (cached for a
 * few minutes). The scripts then load their chunks from the same `dist/` at the exact version.
 * Answers are public (`Access-Control-Allow-Origin: *`) and never load the requesting client.
 * Mount before the Frontend API, so its middleware does not run for these paths.
 *
 * @throws ApiError `package_not_installed` (404) when the package is absent;
 *   `resource_not_found` (404) for another major or tag (`version`), or a path that is not a
 *   servable file of its `dist/` (traversal, unknown type, missing)
 * @example
 * mountNpmBundles(app, { bases: ["", "/__clerk"] });
 */
export function mountNpmBundles(app: Hono<AppEnv>, input: MountNpmBundlesInput): void {
  const resolve = input.resolvePackage ?? nodePackageResolver;
  const installed = new Map<
    BundlePackageName,
    { pkg: BundlePackage; lookup: BundleFileLookup } | null
  >();
  const find = (name: BundlePackageName) => {
    if (!installed.has(name)) {
      const pkg = findBundlePackage(name, resolve);
      installed.set(name, pkg === null ? null : { pkg, lookup: bundleFileLookup(pkg) });
    }
    return installed.get(name) ?? null;
  };

  for (const base of input.bases) {
    const start = `${base}/npm/`;
    app.get(`${start}*`, async (c) => {
      const pathname = new URL(c.req.url).pathname;
      const asked = pathname.startsWith(start)
        ? parseBundlePath(pathname.slice(start.length))
        : null;
      if (asked === null) throw new ApiError("resource_not_found");
      const found = find(asked.name);
      if (found === null) {
        throw new ApiError("package_not_installed", {
          longMessage: `${asked.name} is not installed. It is an optional dependency of @latchkey/server: install it, or load Clerk's scripts from elsewhere (NEXT_PUBLIC_CLERK_JS_URL, NEXT_PUBLIC_CLERK_UI_URL).`,
          meta: { package: asked.name },
        });
      }
      const match = matchBundleVersion(asked.version, found.pkg.version);
      if (match === null) {
        const major = found.pkg.version.split(".")[0];
        throw new ApiError("resource_not_found", {
          paramName: "version",
          longMessage: `This instance serves ${asked.name} ${found.pkg.version}: ask for ${major}, ${found.pkg.version} or latest.`,
        });
      }
      const file = await found.lookup(asked.file);
      if (file === null) throw new ApiError("resource_not_found");
      return bundleFileResponse(file, {
        method: c.req.method,
        exact: match === "exact",
        ifNoneMatch: c.req.header("if-none-match"),
      });
    });
  }
}
