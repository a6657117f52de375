import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Pages already read from Clerk's Backend API, kept so an interrupted read resumes. */
export interface ApiPageCache {
  /** The page read for `key` (path and query) before, or undefined. */
  read(key: string): Promise<unknown>;
  write(key: string, body: unknown): Promise<void>;
  /** Forgets every page (after the import finished). */
  clear(): Promise<void>;
}

/**
 * A page cache in a folder of its own (created `0700`, pages `0600`: they hold users' private
 * metadata), one JSON file per page named by the SHA-256 of its path and query.
 *
 * @example
 * const cache = createApiPageCache(".latchkey/clerk-import-pages");
 * const api = createClerkApiReader({ secretKey, cache });
 */
export function createApiPageCache(dir: string): ApiPageCache {
  const fileOf = (key: string) =>
    join(dir, `${createHash("sha256").update(key, "utf8").digest("hex")}.json`);
  return {
    async read(key) {
      try {
        return JSON.parse(await readFile(fileOf(key), "utf8")) as unknown;
      } catch {
        return undefined;
      }
    },
    async write(key, body) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written whole or not at all: a page cut short by a crash is read again.
      const file = fileOf(key);
      await writeFile(`${file}.part`, JSON.stringify(body), { mode: 0o600 });
      await rename(`${file}.part`, file);
    },
    clear: () => rm(dir, { recursive: true, force: true }),
  };
}
