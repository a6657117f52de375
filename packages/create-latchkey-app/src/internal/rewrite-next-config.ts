/**
 * The demo's `next.config.ts` for an app of its own: the roots the demo points two folders up
 * (the repository, so Turbopack follows the workspace links) become the app's own folder, the
 * comment that explains them is reworded, and an import of `resolve` left unused is dropped.
 * Anything else is kept as written; a root the rules do not recognise is left for the trace
 * check ({@link findMonorepoTraces}) to refuse.
 *
 * @example
 * standaloneNextConfig('turbopack: { root: resolve(here, "../..") },'); // 'turbopack: { root: here },'
 */
export function standaloneNextConfig(source: string): string {
  let out = source.replace(/resolve\(\s*here\s*,\s*(["'])\.\.\/\.\.\/?\1\s*\)/g, "here");
  out = out.replace(
    /^([ \t]*)\/\/[^\n]*\bmonorepo\b[^\n]*$/gim,
    "$1// This folder is the project's root: Turbopack and output tracing look no further up.",
  );
  const body = out.replace(/^import[^;]*;$/gm, "");
  if (!/\bresolve\(/.test(body)) {
    out = out.replace(/^import \{([^}]*)\} from "node:path";$/m, (_line, names: string) => {
      const kept = names
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "" && name !== "resolve");
      return kept.length === 0 ? "" : `import { ${kept.join(", ")} } from "node:path";`;
    });
  }
  return out;
}
