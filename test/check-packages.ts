// `pnpm test:packages`: packs every publishable package as `pnpm publish` would (`pnpm pack`,
// which also writes `workspace:` ranges as versions and runs `prepack`), then checks what a user
// would install: the manifest (no workspace:/file:/link: ranges, licence, engines, exports with
// types first that resolve for Node and for Next's server, edge and browser bundles, peer
// dependencies), the files (no tests, sources, source maps or configuration;
// the server's migrations; each bin with its shebang), publint (strict) and
// @arethetypeswrong/cli (`--profile esm-only`: the packages are ESM only). Prints a size report
// per tarball. Exits 1 when any package has a problem. The packages must have been built.
import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const execFile = promisify(execFileCallback);
const root = resolve(import.meta.dirname, "..");

interface Manifest {
  name: string;
  version: string;
  description?: string;
  license?: string;
  type?: string;
  keywords?: string[];
  engines?: { node?: string };
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  publishConfig?: { access?: string };
  [field: string]: unknown;
}

interface Expectation {
  /** Folder under the repository root. */
  dir: string;
  /** Files (paths inside the package) that must be in the tarball. */
  mustHold?: (dir: string) => string[];
  /** Peer dependencies that must be declared. */
  peers?: string[];
  /** How files must begin (a directive, or its absence). */
  opening?: Record<string, RegExp>;
}

const PACKAGES: Expectation[] = [
  { dir: "packages/backend" },
  {
    dir: "packages/server",
    // Every SQL migration: the server applies them at start from its own folder.
    mustHold: (dir) =>
      readdirSync(join(dir, "migrations"))
        .filter((file) => file.endsWith(".sql"))
        .map((file) => `migrations/${file}`),
  },
  {
    dir: "packages/nextjs",
    peers: ["next", "react"],
    // Next bundles the client entry for the browser from this directive: the provider, hooks and
    // components are client components; the server entry stays free of it.
    opening: { "dist/client.js": /^"use client";/, "dist/server.js": /^(?!"use client")/ },
  },
  {
    dir: "packages/create-latchkey-app",
    mustHold: () => [
      "template/latchkey-packages.json",
      "template/demo/package.json",
      "template/demo/proxy.ts",
      // What the app's `latchkey dev` sets up (its JWT template and webhook endpoint).
      "template/demo/latchkey.dev.json",
    ],
  },
];

/** Files no user needs: tests, test helpers, source maps; sources and tooling at the top. */
const UNWANTED_FILE =
  /\.(?:test|spec|fuzz)\.|\.test-helpers\.|\.map$|^(?:src|test)\/|^tsconfig[^/]*\.json$|^vitest\.config\.|^\.turbo\//;

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Every file an `exports` entry points at (conditions flattened). */
function exportTargets(exportsField: Manifest["exports"]): Array<[string, string, string[]]> {
  return Object.entries(exportsField ?? {}).map(([subpath, entry]) =>
    typeof entry === "string"
      ? [subpath, entry, []]
      : [subpath, Object.values(entry).join(" "), Object.keys(entry)],
  );
}

/**
 * The condition sets under which Next.js and Node load a package: each JavaScript entry must
 * resolve under all of them (Next's server and edge bundles, the browser bundle, plain Node).
 */
const RESOLUTIONS: Record<string, string[]> = {
  "Node (import)": ["node", "import"],
  "Next server components": ["react-server", "node", "import"],
  "Next edge (middleware)": ["edge-light", "worker", "import"],
  "Next browser bundle": ["browser", "import"],
};

/** The file an `exports` entry gives under `conditions` (first matching key, as Node reads it). */
function resolveEntry(entry: string | Record<string, string>, conditions: string[]): string | null {
  if (typeof entry === "string") return entry;
  for (const [condition, target] of Object.entries(entry)) {
    if (condition === "default" || conditions.includes(condition)) return target;
  }
  return null;
}

interface Report {
  name: string;
  version: string;
  tarballBytes: number;
  unpackedBytes: number;
  files: number;
  problems: string[];
  notes: string[];
}

async function checkPackage(expectation: Expectation, workDir: string): Promise<Report> {
  const dir = join(root, expectation.dir);
  const { stdout } = await execFile("pnpm", ["pack", "--json", "--pack-destination", workDir], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
  // prepack scripts may print before the JSON.
  const packed = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { filename: string };
  const tarball = packed.filename;
  const unpacked = mkdtempSync(join(workDir, "unpacked-"));
  execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
  const packageDir = join(unpacked, "package");
  const files = walk(packageDir);
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Manifest;
  const problems: string[] = [];
  const notes: string[] = [];
  const has = (path: string) => files.includes(path.replace(/^\.\//, ""));

  // The manifest a user installs.
  const manifestText = JSON.stringify(manifest);
  for (const protocol of ["workspace:", "link:", "file:"]) {
    if (manifestText.includes(`"${protocol}`)) problems.push(`a ${protocol} range in package.json`);
  }
  if (manifest.license !== "MIT") problems.push(`license is ${manifest.license}, not MIT`);
  if (!has("LICENSE")) problems.push("no LICENSE file");
  if (!has("README.md")) problems.push("no README.md");
  if (!manifest.description) problems.push("no description");
  if (!manifest.keywords?.length) problems.push("no keywords");
  if (!manifest.engines?.node) problems.push("no engines.node");
  if (manifest.type !== "module") problems.push('type is not "module"');
  if (manifest.name.startsWith("@") && manifest.publishConfig?.access !== "public") {
    problems.push("a scoped package without publishConfig.access public");
  }
  if (!manifest.exports?.["."]) problems.push('no "." in exports');
  for (const [subpath, targets, conditions] of exportTargets(manifest.exports)) {
    if (subpath !== "./package.json" && conditions[0] !== "types") {
      problems.push(`exports["${subpath}"] does not start with types`);
    }
    for (const target of targets.split(" ")) {
      if (!has(target)) problems.push(`exports["${subpath}"] points at missing ${target}`);
    }
    const entry = manifest.exports?.[subpath];
    if (subpath === "./package.json" || entry === undefined) continue;
    for (const [where, conditionSet] of Object.entries(RESOLUTIONS)) {
      const target = resolveEntry(entry, conditionSet);
      if (!target?.endsWith(".js") || !has(target)) {
        problems.push(`exports["${subpath}"] gives ${target} to ${where}, not a shipped .js file`);
      }
    }
  }
  for (const peer of expectation.peers ?? []) {
    if (!manifest.peerDependencies?.[peer]) problems.push(`no peer dependency on ${peer}`);
  }
  for (const [command, target] of Object.entries(manifest.bin ?? {})) {
    if (!has(target)) problems.push(`bin ${command} points at missing ${target}`);
    else if (!readFileSync(join(packageDir, target), "utf8").startsWith("#!/usr/bin/env node\n")) {
      problems.push(`bin ${command} (${target}) has no #!/usr/bin/env node line`);
    }
  }

  // The files.
  for (const file of files.filter((path) => UNWANTED_FILE.test(path))) {
    problems.push(`ships ${file}`);
  }
  for (const path of expectation.mustHold?.(dir) ?? []) {
    if (!has(path)) problems.push(`does not ship ${path}`);
  }
  for (const [path, opening] of Object.entries(expectation.opening ?? {})) {
    if (!has(path) || !opening.test(readFileSync(join(packageDir, path), "utf8"))) {
      problems.push(`${path} does not match ${opening}`);
    }
  }

  // publint, strict: warnings count as errors; suggestions are shown.
  const lint = await publint({
    pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
    level: "suggestion",
    strict: true,
  });
  for (const message of lint.messages) {
    const text = `publint ${message.code}: ${formatMessage(message, lint.pkg, { color: false })}`;
    (message.type === "suggestion" ? notes : problems).push(text);
  }

  // Are the types wrong? ESM only: require() from CommonJS and node10 resolution are out of scope.
  try {
    await execFile(
      join(root, "node_modules", ".bin", "attw"),
      [tarball, "--profile", "esm-only", "--format", "ascii", "--no-color"],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    problems.push(`attw --profile esm-only:\n${output}`);
  }

  const unpackedBytes = files.reduce((sum, file) => sum + statSync(join(packageDir, file)).size, 0);
  return {
    name: manifest.name,
    version: manifest.version,
    tarballBytes: statSync(tarball).size,
    unpackedBytes,
    files: files.length,
    problems,
    notes,
  };
}

const workDir = mkdtempSync(join(tmpdir(), "latchkey-packages-"));
mkdirSync(workDir, { recursive: true });
const started = Date.now();
try {
  const reports: Report[] = [];
  for (const expectation of PACKAGES) reports.push(await checkPackage(expectation, workDir));

  const rows = [
    ["package", "tarball", "unpacked", "files"],
    ...reports.map((report) => [
      `${report.name}@${report.version}`,
      kib(report.tarballBytes),
      kib(report.unpackedBytes),
      String(report.files),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log("\nPackage sizes (as `pnpm pack` writes them):");
  for (const row of rows) {
    console.log(
      `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")}`,
    );
  }
  for (const report of reports) {
    for (const note of report.notes) console.log(`  note ${report.name}: ${note}`);
    for (const problem of report.problems) console.error(`  PROBLEM ${report.name}: ${problem}`);
  }
  const failed = reports.filter((report) => report.problems.length > 0).length;
  console.log(
    `\npackages: ${reports.length - failed} passed, ${failed} failed (publint --strict, attw --profile esm-only, manifest and files; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
