import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { extname, join, sep } from "node:path";
import { Readable } from "node:stream";
import type { BundlePackage } from "./bundle-package.js";

/** Content types of the files a bundle's `dist/` serves; other extensions are not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** A servable file of a bundle package's `dist/`. */
export interface BundleFile {
  /** Real path on disk. */
  path: string;
  size: number;
  contentType: string;
  /** Strong validator: the package version and the file's path and size (a published file never changes). */
  etag: string;
}

/** Looks files of one package's `dist/` up, remembering what it found (a few hundred at most). */
export type BundleFileLookup = (file: readonly string[]) => Promise<BundleFile | null>;

const MAX_REMEMBERED = 1024;

/**
 * Makes the file lookup of an installed package: a file is served only when its real path (links
 * followed) is inside the package's `dist/`, it is a regular file and its type is known.
 *
 * @example
 * const lookup = bundleFileLookup(pkg);
 * const file = await lookup(["clerk.browser.js"]);
 */
export function bundleFileLookup(pkg: BundlePackage): BundleFileLookup {
  const remembered = new Map<string, BundleFile>();
  const inside = `${pkg.distDir}${sep}`;
  return async (file) => {
    const relative = file.join("/");
    const known = remembered.get(relative);
    if (known !== undefined) return known;
    const contentType = CONTENT_TYPES[extname(relative).toLowerCase()];
    const candidate = join(pkg.distDir, ...file);
    if (contentType === undefined || !candidate.startsWith(inside)) return null;
    let path: string;
    let size: number;
    try {
      path = await realpath(candidate);
      const stats = await stat(path);
      if (!stats.isFile()) return null;
      size = stats.size;
    } catch {
      return null;
    }
    if (!path.startsWith(inside)) return null;
    const digest = createHash("sha256")
      .update(`${pkg.name}@${pkg.version}/${relative}`)
      .digest("base64url")
      .slice(0, 22);
    const found: BundleFile = { path, size, contentType, etag: `"${digest}-${size.toString(36)}"` };
    if (remembered.size < MAX_REMEMBERED) remembered.set(relative, found);
    return found;
  };
}

/** `If-None-Match` lists the ETag (weak comparison, as for GET), or is `*`. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * Answers a bundle file: streamed from disk (HEAD: headers only), `304` for a matching
 * `If-None-Match`, cached for good when the exact version was asked for and for five minutes
 * otherwise, readable from any origin (public scripts loaded with `crossorigin`).
 *
 * @example
 * return bundleFileResponse(file, { method: "GET", exact: true, ifNoneMatch: undefined });
 */
export function bundleFileResponse(
  file: BundleFile,
  request: { method: string; exact: boolean; ifNoneMatch: string | undefined },
): Response {
  const headers = new Headers({
    "Cache-Control": request.exact
      ? "public, max-age=31536000, immutable"
      : "public, max-age=300, stale-while-revalidate=60",
    ETag: file.etag,
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "X-Content-Type-Options": "nosniff",
  });
  if (notModified(request.ifNoneMatch, file.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", file.contentType);
  headers.set("Content-Length", String(file.size));
  if (request.method === "HEAD") return new Response(null, { headers });
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers });
}
