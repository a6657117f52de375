import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  // The monorepo root, so Turbopack follows the workspace links to `@latchkey/*`.
  turbopack: { root: resolve(here, "../..") },
  outputFileTracingRoot: resolve(here, "../.."),
  // Database drivers stay plain Node modules (PGlite loads its WebAssembly from disk).
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
};

export default config;
