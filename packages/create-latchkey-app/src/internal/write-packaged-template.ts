import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  PACKAGED_DEMO_FOLDER,
  PACKAGED_MANIFEST_FILE,
  type PackagedManifest,
  repositorySource,
} from "../template-source.js";
import { listDemoFiles } from "./demo-files.js";
import { readTsconfig, standaloneTsconfig } from "./rewrite-tsconfig.js";

/**
 * Copies the repository's demo into `<packageRoot>/template/` for the published package (run by
 * `prepack`), with `tsconfig.json`'s `extends` already resolved (its base stays behind), and
 * records the `@latchkey/*` versions beside it. The rest of the rewriting happens
 * when an app is created, as it does from the repository.
 *
 * @throws CreateAppError `template-missing` when `repoRoot` holds no demo.
 * @example
 * writePackagedTemplate("/src/latchkey", "/src/latchkey/packages/create-latchkey-app");
 */
export function writePackagedTemplate(repoRoot: string, packageRoot: string): string[] {
  const source = repositorySource(repoRoot);
  const templateDir = join(packageRoot, "template");
  const demoCopy = join(templateDir, PACKAGED_DEMO_FOLDER);
  rmSync(templateDir, { recursive: true, force: true });
  const files = listDemoFiles(source.demoDir);
  for (const path of files) {
    const target = join(demoCopy, path);
    mkdirSync(dirname(target), { recursive: true });
    if (path === "tsconfig.json") {
      const tsconfig = standaloneTsconfig(readTsconfig(join(source.demoDir, path)), source.demoDir);
      writeFileSync(target, `${JSON.stringify(tsconfig, null, 2)}\n`);
    } else {
      copyFileSync(join(source.demoDir, path), target);
    }
  }
  const packages = Object.fromEntries(
    Object.entries(source.packages).map(([name, { dir: _dir, ...pkg }]) => [name, pkg]),
  );
  const manifest: PackagedManifest = {
    packages,
    nodeRange: source.nodeRange,
  };
  writeFileSync(
    join(templateDir, PACKAGED_MANIFEST_FILE),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return files;
}
