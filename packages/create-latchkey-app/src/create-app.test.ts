import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, packageNameFor } from "./create-app.js";
import { tarballName } from "./internal/rewrite-manifest.js";
import { writePackagedTemplate } from "./internal/write-packaged-template.js";
import type { PackPackages } from "./pack-packages.js";
import { packagedSource, repositorySource } from "./template-source.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const source = repositorySource(repoRoot);
const work = mkdtempSync(join(tmpdir(), "create-latchkey-app-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a stand-in tarball per package, as `pnpm pack` would name it. */
const fakePack: PackPackages = async (packages, destination) => {
  mkdirSync(destination, { recursive: true });
  for (const pkg of packages) writeFileSync(join(destination, tarballName(pkg)), "tarball");
};

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

describe("packageNameFor", () => {
  it("makes a valid npm name of a folder's name", () => {
    expect(packageNameFor("My App!")).toBe("my-app");
    expect(packageNameFor("_site")).toBe("site");
    expect(packageNameFor("!!!")).toBe("latchkey-app");
  });
});

describe("createApp", () => {
  it("vendors the packages it needs, nextjs's own dependency included", async () => {
    const directory = join(work, "vendored");
    const packed: string[] = [];
    const app = await createApp({
      directory,
      source,
      pack: async (packages, destination) => {
        packed.push(...packages.map((pkg) => pkg.name));
        await fakePack(packages, destination);
      },
    });
    expect(app.packages).toBe("vendored");
    expect(packed).toEqual(["@latchkey/backend", "@latchkey/nextjs", "@latchkey/server"]);
    const manifest = readJson(join(directory, "package.json"));
    expect(manifest.dependencies).toMatchObject({
      "@latchkey/nextjs": `file:vendor/${tarballName(source.packages["@latchkey/nextjs"]!)}`,
    });
    for (const tarball of app.files.filter((file) => file.startsWith("vendor/"))) {
      expect(existsSync(join(directory, tarball))).toBe(true);
    }
    expect(app.files).toContain(`vendor/${tarballName(source.packages["@latchkey/backend"]!)}`);
  });

  it("with registry: true writes caret ranges and no vendor/", async () => {
    const directory = join(work, "registry");
    const app = await createApp({
      directory,
      source,
      registry: true,
      pack: () => Promise.reject(new Error("nothing is packed for the registry")),
    });
    expect(app.packages).toBe("registry");
    expect(existsSync(join(directory, "vendor"))).toBe(false);
    const manifest = readJson(join(directory, "package.json"));
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|file:/);
  });

  it("refuses a folder that is not empty", async () => {
    const directory = join(work, "taken");
    mkdirSync(directory);
    writeFileSync(join(directory, "keep.txt"), "mine");
    await expect(createApp({ directory, source, pack: fakePack })).rejects.toMatchObject({
      code: "target-not-empty",
    });
    expect(readFileSync(join(directory, "keep.txt"), "utf8")).toBe("mine");
  });

  it("from the packed template, writes the same app as from the repository (registry)", async () => {
    const packageRoot = join(work, "published");
    writePackagedTemplate(repoRoot, packageRoot);
    const packaged = packagedSource(packageRoot);
    expect(JSON.stringify(packaged.packages)).not.toContain(repoRoot);

    const fromPackage = await createApp({
      directory: join(work, "p"),
      name: "same-app",
      source: packaged,
    });
    const fromRepository = await createApp({
      directory: join(work, "r"),
      name: "same-app",
      source,
      registry: true,
    });
    expect(fromPackage.packages).toBe("registry");
    expect(fromPackage.files).toEqual(fromRepository.files);
    for (const file of fromPackage.files) {
      expect(readFileSync(join(work, "p", file), "utf8"), file).toBe(
        readFileSync(join(work, "r", file), "utf8"),
      );
    }
    await expect(
      createApp({ directory: join(work, "pv"), source: packaged, registry: false }),
    ).rejects.toMatchObject({ code: "bad-arguments" });
  });
});

describe("the create-latchkey-app command", () => {
  const packageDir = resolve(import.meta.dirname, "..");
  // Run from the package's folder (where tsx resolves); INIT_CWD says where it was typed.
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: packageDir,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: work },
    });

  it("creates an app in a folder relative to where it was typed", () => {
    const result = run("cli-app", "--registry", "--name", "cli-made");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("cd cli-app");
    expect(readJson(join(work, "cli-app", "package.json")).name).toBe("cli-made");
  });

  it("answers a missing folder with the usage and exit code 2", () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: create-latchkey-app <dir>");
  });
});
