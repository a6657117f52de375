import { BUNDLE_PACKAGES, type BundlePackageName } from "./bundle-package.js";

/** What a `/npm/…` path asks for: a package, a version (or tag) and a file under its `dist/`. */
export interface BundlePath {
  name: BundlePackageName;
  /** As asked: a major (`6`), an exact version (`6.40.0`) or a tag (`latest`). */
  version: string;
  /** The file's path segments under `dist/`, decoded and checked. */
  file: string[];
}

/** A segment no file of a `dist/` has: dot segments, separators, NUL and control characters. */
const UNSAFE_SEGMENT = /^\.{1,2}$|[/\\:\p{Cc}]/u;

function decodeSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded === "" || UNSAFE_SEGMENT.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * Parses the part of a request path after `/npm/` (still percent-encoded):
 * `@clerk/clerk-js@6/dist/clerk.browser.js` → `{ name, version: "6", file: ["clerk.browser.js"] }`.
 * Each segment is decoded once and refused when it could leave `dist/` or name something odd
 * (`..`, `.`, empty — an absolute path —, `/` or `\` encoded inside, NUL, `:`); null for any
 * path that is not a file of a served package's `dist/`.
 *
 * @example
 * parseBundlePath("@clerk/ui@1/dist/ui.browser.js"); // { name: "@clerk/ui", version: "1", … }
 * parseBundlePath("@clerk/ui@1/dist/%2e%2e/package.json"); // null
 */
export function parseBundlePath(rest: string): BundlePath | null {
  const segments: string[] = [];
  for (const raw of rest.split("/")) {
    const segment = decodeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  const [scope, nameAndVersion, dist, ...file] = segments;
  if (scope === undefined || nameAndVersion === undefined || dist !== "dist" || file.length === 0) {
    return null;
  }
  const at = nameAndVersion.lastIndexOf("@");
  if (at <= 0) return null;
  const name = `${scope}/${nameAndVersion.slice(0, at)}`;
  const version = nameAndVersion.slice(at + 1);
  const known = BUNDLE_PACKAGES.find((candidate) => candidate === name);
  if (known === undefined || version === "") return null;
  return { name: known, version, file };
}
