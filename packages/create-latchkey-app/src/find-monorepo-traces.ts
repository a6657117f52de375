import { builtinModules } from "node:module";
import { posix } from "node:path";

/** A sign, in a generated file, that it still leans on the Latchkey repository. */
export interface MonorepoTrace {
  /** Path of the file inside the app. */
  file: string;
  /** What was found, for people. */
  reason: string;
}

/** Words that only make sense inside the repository. */
const TRACES: ReadonlyArray<readonly [RegExp, string]> = [
  [/workspace:/, "a workspace: range"],
  [/tsconfig\.base\.json/, "the repository's tsconfig.base.json"],
  [/pnpm-workspace/, "the repository's pnpm-workspace.yaml"],
  [/\bturbo(\.json|\s+run)\b/, "Turborepo"],
  [/\bapps\/demo\b/, "the demo's folder"],
  [/@latchkey\/demo\b/, "the demo's package name"],
  [/\bmonorepo\b/i, "the word monorepo"],
  [/\brepository root\b/i, "the repository root"],
];

const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|css|ya?ml|txt)$|(?:^|\/)\.[^/]+$/;
const CODE_OR_JSON = /\.(?:[cm]?[jt]sx?|json)$/;
const CODE = /\.[cm]?[jt]sx?$/;

/** Bare specifiers of `import … from "x"`, `import "x"`, `export … from "x"` and `import("x")`. */
const BARE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"'./][^"']*)["']/g;

/** The package a bare specifier loads (`@scope/name/sub` → `@scope/name`), or none for built-ins and `@/` paths. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || specifier.startsWith("@/")) return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
  return builtinModules.includes(name) ? undefined : name;
}

/** Names in the app's `package.json` dependencies and devDependencies; none without one. */
function declaredPackages(
  files: ReadonlyMap<string, string | Uint8Array>,
): Set<string> | undefined {
  const manifest = files.get("package.json");
  if (typeof manifest !== "string") return undefined;
  const parsed = JSON.parse(manifest) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return new Set([
    ...Object.keys(parsed.dependencies ?? {}),
    ...Object.keys(parsed.devDependencies ?? {}),
  ]);
}

/**
 * Looks through the files of a generated app for anything that would only work inside the
 * Latchkey repository: `workspace:` ranges, its tooling (Turborepo, `tsconfig.base.json`), the
 * demo's folder or package name, a relative path in code or JSON that leaves the app's folder,
 * a `file:`/`link:` dependency outside `vendor/`, an import of a package that the app's
 * `package.json` does not list (the repository's root would have provided it), or any of
 * `forbiddenText` (the repository's absolute path). Binary files are skipped.
 *
 * @example
 * findMonorepoTraces(new Map([["tsconfig.json", '{ "extends": "../../tsconfig.base.json" }']]));
 * // [{ file: "tsconfig.json", reason: "the repository's tsconfig.base.json" }, { file: "tsconfig.json", reason: "../../tsconfig.base.json leaves the app's folder" }]
 */
export function findMonorepoTraces(
  files: ReadonlyMap<string, string | Uint8Array>,
  forbiddenText: readonly string[] = [],
): MonorepoTrace[] {
  const traces: MonorepoTrace[] = [];
  const declared = declaredPackages(files);
  for (const [file, content] of files) {
    if (typeof content !== "string" || !TEXT_FILE.test(file)) continue;
    for (const [pattern, reason] of TRACES) {
      if (pattern.test(content)) traces.push({ file, reason });
    }
    for (const text of forbiddenText) {
      if (text !== "" && content.includes(text)) traces.push({ file, reason: `the path ${text}` });
    }
    if (CODE_OR_JSON.test(file)) {
      for (const match of content.matchAll(/["'`]((?:file:|link:)?\.\.?\/[^"'`\s]*)["'`]/g)) {
        const specifier = match[1] ?? "";
        const path = specifier.replace(/^(?:file|link):/, "");
        const target = posix.normalize(posix.join(posix.dirname(file), path));
        if (target === ".." || target.startsWith("../")) {
          traces.push({ file, reason: `${specifier} leaves the app's folder` });
        }
      }
    }
    if (declared && CODE.test(file)) {
      const undeclared = new Set<string>();
      for (const match of content.matchAll(BARE_IMPORT)) {
        const name = packageOf(match[1] ?? "");
        if (name && !declared.has(name)) undeclared.add(name);
      }
      for (const name of undeclared) {
        traces.push({ file, reason: `imports ${name}, which package.json does not list` });
      }
    }
    if (posix.basename(file) === "package.json") {
      for (const match of content.matchAll(/"((?:file|link):[^"]*)"/g)) {
        const spec = match[1] ?? "";
        if (!/^file:(?:\.\/)?vendor\/[^/]+\.tgz$/.test(spec)) {
          traces.push({ file, reason: `${spec} is not a tarball under vendor/` });
        }
      }
    }
  }
  return traces;
}
