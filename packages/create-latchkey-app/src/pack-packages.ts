import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreateAppError } from "./create-app-error.js";
import { tarballName } from "./internal/rewrite-manifest.js";
import type { LatchkeyPackage } from "./template-source.js";

const run = promisify(execFile);

/** Packs packages into a folder; `createApp` takes another for tests. */
export type PackPackages = (
  packages: readonly LatchkeyPackage[],
  destination: string,
) => Promise<void>;

/**
 * Packs each package from its folder with `pnpm pack` (which writes `workspace:` ranges as the
 * versions they stand for) into `destination`, as `<scope>-<name>-<version>.tgz`. The packages
 * must have been built.
 *
 * @throws CreateAppError `packages-not-built` when a package has no `dist/`; `pack-failed` when
 *   pnpm fails or writes no tarball of the expected name.
 * @example
 * await packWithPnpm([source.packages["@latchkey/nextjs"]], "my-app/vendor");
 */
export const packWithPnpm: PackPackages = async (packages, destination) => {
  mkdirSync(destination, { recursive: true });
  for (const pkg of packages) {
    if (!pkg.dir) {
      throw new CreateAppError("pack-failed", `${pkg.name} has no source folder to pack.`);
    }
    if (!existsSync(join(pkg.dir, "dist"))) {
      throw new CreateAppError(
        "packages-not-built",
        `${pkg.name} is not built (no ${join(pkg.dir, "dist")}): run \`pnpm build\` first.`,
      );
    }
    try {
      await run("pnpm", ["pack", "--pack-destination", destination], {
        cwd: pkg.dir,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      throw new CreateAppError("pack-failed", `pnpm pack failed for ${pkg.name}.`, {
        cause: error,
      });
    }
    const tarball = join(destination, tarballName(pkg));
    if (!existsSync(tarball)) {
      throw new CreateAppError("pack-failed", `pnpm pack did not write ${tarball}.`);
    }
  }
};
