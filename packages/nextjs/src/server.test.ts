// How the entries are layered, read from the sources the way a bundler follows them (static and
// dynamic `import`s, type-only ones left out): the server entry never reaches client code, Next's
// request APIs are imported only by the names Next's bundler aliases, and what Node evaluates
// eagerly resolves under plain Node (scripts import `@latchkey/nextjs/server` outside Next).
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { NOW_MS, PRIMARY_PUBLIC_PEM, validToken } from "./internal/testing.test-helpers.js";

const SRC = dirname(fileURLToPath(import.meta.url));

interface RuntimeImport {
  specifier: string;
  /** `import()` (loaded when reached) or an `import`/`export … from` (loaded with the module). */
  kind: "static" | "dynamic";
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

/** The imports that survive compilation (`import type` / `export type` are erased). */
function runtimeImports(file: string): RuntimeImport[] {
  const found: RuntimeImport[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, kind: "static" });
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, kind: "static" });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, kind: "dynamic" });
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

function sourceOf(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".tsx")]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`${relative(SRC, from)} imports ${specifier}, which has no source`);
}

interface ModuleGraph {
  /** Source files reached, relative to `src/`. */
  files: Set<string>;
  /** Every runtime import of a package, with the file that makes it. */
  external: Array<RuntimeImport & { from: string }>;
  /** Files loaded as soon as the entry is (static imports only). */
  eager: Set<string>;
}

/** Every module a bundler reaches from `entry`, following static and dynamic imports. */
function moduleGraph(entry: string): ModuleGraph {
  const graph: ModuleGraph = { files: new Set(), external: [], eager: new Set() };
  const walk = (file: string, eager: boolean): void => {
    const name = relative(SRC, file);
    const seen = graph.files.has(name);
    if (seen && (!eager || graph.eager.has(name))) return;
    graph.files.add(name);
    if (eager) graph.eager.add(name);
    for (const found of runtimeImports(file)) {
      if (found.specifier.startsWith(".")) {
        walk(sourceOf(file, found.specifier), eager && found.kind === "static");
      } else if (!seen) {
        graph.external.push({ ...found, from: name });
      }
    }
  };
  walk(resolve(SRC, entry), true);
  return graph;
}

/** The names (values and types) a module exports. */
function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const statement of parse(resolve(SRC, file)).statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) {
      throw new Error(`${file} uses a wildcard export`);
    }
    for (const element of clause.elements) names.push(element.name.text);
  }
  return names.sort();
}

const serverGraph = moduleGraph("server.ts");
const mainGraph = moduleGraph("index.ts");
const webhooksGraph = moduleGraph("webhooks.ts");

describe("entry layering", () => {
  it("the server entry (middleware, route handlers) never reaches client code", () => {
    const client = [...serverGraph.files].filter(
      (file) => file.startsWith("client/") || file === "client.ts" || file === "clerk-provider.tsx",
    );
    expect(client).toEqual([]);
    expect(serverGraph.files).toContain("clerk-middleware.ts");
    expect(serverGraph.files).toContain("auth.ts");
  });

  it("the main entry adds the server <ClerkProvider>, which loads the client provider on render", () => {
    expect(mainGraph.files).toContain("clerk-provider.tsx");
    expect(mainGraph.files).toContain("client/clerk-provider.tsx");
    expect(mainGraph.eager).not.toContain("client/clerk-provider.tsx");
  });

  it("the main entry exports exactly the server entry's names plus ClerkProvider", () => {
    const server = exportedNames("server.ts");
    expect(new Set(server).size).toBe(server.length);
    expect(exportedNames("index.ts")).toEqual(
      [...server, "ClerkProvider", "ClerkProviderProps"].sort(),
    );
  });

  it("imports Next's request APIs only by the names Next's bundler aliases", () => {
    const all = [...serverGraph.external, ...mainGraph.external, ...webhooksGraph.external];
    // `next/navigation.js` is not aliased by Turbopack: in a route handler it pulls in the
    // client navigation module, whose app-router context does not exist there.
    const unaliased = all.filter((found) => /^next\/(navigation|headers)\./.test(found.specifier));
    expect(unaliased).toEqual([]);
    const requestApis = all
      .filter((found) => /^next\/(navigation|headers)$/.test(found.specifier))
      .map((found) => `${found.kind} ${found.specifier}`);
    expect(new Set(requestApis)).toEqual(
      new Set(["dynamic next/headers", "dynamic next/navigation"]),
    );
  });

  it("loads eagerly only what plain Node resolves (no bare `next/…` without an extension)", () => {
    for (const graph of [serverGraph, mainGraph, webhooksGraph]) {
      const unresolvable = graph.external.filter(
        (found) =>
          found.kind === "static" &&
          graph.eager.has(found.from) &&
          /^next\/[^.]+$/.test(found.specifier),
      );
      expect(unresolvable).toEqual([]);
    }
  });
});

describe("token verification names of the server entry", () => {
  it("exports verifySessionToken, the older name of verifyToken: same options, same result", async () => {
    const entry = await import("./server.js");
    const backend = await import("@latchkey/backend");
    expect(entry.verifySessionToken).toBe(backend.verifySessionToken);
    const options = { jwtKey: PRIMARY_PUBLIC_PEM, now: () => NOW_MS };
    const token = validToken();
    const claims = await entry.verifySessionToken(token, options);
    expect(claims).toEqual(await entry.verifyToken(token, options));
    expect(claims.sub).toBe("user_2abc");
    await expect(
      entry.verifySessionToken(validToken({ exp: NOW_MS / 1000 - 60 }), options),
    ).rejects.toMatchObject({ code: "token-expired" });
    expect(exportedNames("server.ts")).toContain("verifySessionToken");
    expect(exportedNames("index.ts")).toContain("verifySessionToken");
  });
});
