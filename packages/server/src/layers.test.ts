/**
 * The server's layers, top to bottom (ARCHITECTURE.md, "the spine"): start-up and CLI; HTTP
 * (routes, the Frontend API, middleware); flows (what happens: sign-in, sign-up, sessions,
 * organizations…); services and wire JSON; the store (SQL only); base pieces (errors, clock,
 * ids, logger). An import may point sideways or down, never up. Every source file must belong to
 * a layer, so a new folder is placed on purpose.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL(".", import.meta.url));

/** Layers from the bottom (0) up, by path under `src/`. */
const LAYERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(errors|internal)\/|^(clock|id-generator|logger|instance-settings)\.ts$/, 0],
  [/^store\//, 1],
  [/^(tokens|passwords|mail|rate-limits|mfa|wire|oauth)\//, 2],
  [/^(flows|webhooks)\//, 3],
  [/^(http|console)\//, 4],
  [/^(instance|dev|import)\/|^(create-handler|start-instance|cli|index)\.ts$/, 5],
];

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (/\.tsx?$/.test(entry.name) && !/\.test(-helpers)?\.tsx?$/.test(entry.name)) {
      found.push(relative(SRC, path));
    }
  }
  return found;
}

const layerOf = (file: string) => LAYERS.find(([pattern]) => pattern.test(file))?.[1];

describe("server layers", () => {
  const files = sourceFiles(SRC);

  it("places every source file in a layer", () => {
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it("has no import pointing up", () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(SRC, file), "utf8");
      for (const match of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
        const target = normalize(join(dirname(file), match[1] ?? "")).replace(/\.js$/, ".ts");
        if ((layerOf(target) ?? 0) > (layerOf(file) ?? 0)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
