import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CreateAppError } from "../create-app-error.js";
import { parseJsonc } from "./parse-jsonc.js";

/** A tsconfig, as far as the generator reads it; other fields are kept as they are. */
export interface Tsconfig {
  extends?: string | string[];
  compilerOptions?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Options that only mean something to a build that emits; noise in an app with `noEmit`. */
const LIBRARY_OPTIONS = ["declaration", "declarationMap", "sourceMap", "rootDir", "outDir"];

/**
 * Reads a tsconfig file (comments and trailing commas allowed).
 *
 * @throws SyntaxError when the file is not JSON once comments are gone.
 * @example
 * readTsconfig("apps/demo/tsconfig.json").compilerOptions?.jsx; // "react-jsx"
 */
export function readTsconfig(file: string): Tsconfig {
  return parseJsonc(readFileSync(file, "utf8")) as Tsconfig;
}

/**
 * A tsconfig with no `extends` into files outside the app: each relative `extends` is read
 * (from the folder of the file that names it) and merged in as TypeScript does — the base's
 * `compilerOptions` first, the extending file's on top; `include`/`exclude`/`files` from the
 * extending file. `extends` naming a package (`@tsconfig/…`) is kept. Emit options of library
 * builds are dropped when `noEmit` is set. Options of a base are taken as written: a base must not
 * hold paths (`paths`, `baseUrl`), which would be relative to its own folder.
 *
 * @throws CreateAppError `template-missing` when a relative base cannot be read.
 * @example
 * standaloneTsconfig(readTsconfig("apps/demo/tsconfig.json"), "apps/demo");
 */
export function standaloneTsconfig(tsconfig: Tsconfig, dir: string): Tsconfig {
  const bases = tsconfig.extends === undefined ? [] : [tsconfig.extends].flat();
  let compilerOptions: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const base of bases) {
    if (!base.startsWith(".")) {
      kept.push(base);
      continue;
    }
    const file = resolve(dir, base);
    let parent: Tsconfig;
    try {
      parent = standaloneTsconfig(readTsconfig(file), dirname(file));
    } catch (error) {
      if (error instanceof CreateAppError) throw error;
      throw new CreateAppError(
        "template-missing",
        `Cannot read ${file}, which the demo's tsconfig extends.`,
        {
          cause: error,
        },
      );
    }
    compilerOptions = { ...compilerOptions, ...parent.compilerOptions };
    kept.push(...[parent.extends ?? []].flat());
  }
  compilerOptions = { ...compilerOptions, ...tsconfig.compilerOptions };
  if (compilerOptions.noEmit === true) {
    for (const option of LIBRARY_OPTIONS) delete compilerOptions[option];
  }
  const { extends: _extends, compilerOptions: _options, ...rest } = tsconfig;
  return {
    ...(kept.length === 0 ? {} : { extends: kept.length === 1 ? kept[0] : kept }),
    compilerOptions,
    ...rest,
  };
}
