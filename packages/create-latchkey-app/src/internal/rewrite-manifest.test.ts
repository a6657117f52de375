import { describe, expect, it } from "vitest";
import { CreateAppError } from "../create-app-error.js";
import type { LatchkeyPackage } from "../template-source.js";
import {
  type PackageManifest,
  requiredLatchkeyPackages,
  standaloneManifest,
  tarballName,
} from "./rewrite-manifest.js";

const packages: Record<string, LatchkeyPackage> = {
  "@latchkey/backend": { name: "@latchkey/backend", version: "0.3.1", latchkeyDependencies: [] },
  "@latchkey/nextjs": {
    name: "@latchkey/nextjs",
    version: "0.3.1",
    latchkeyDependencies: ["@latchkey/backend"],
  },
  "@latchkey/server": { name: "@latchkey/server", version: "0.3.1", latchkeyDependencies: [] },
};

const demo: PackageManifest = {
  name: "@latchkey/demo",
  version: "0.0.0",
  private: true,
  description: "A starter.",
  type: "module",
  scripts: { dev: "latchkey dev", build: "next build", start: "next start" },
  dependencies: { "@latchkey/nextjs": "workspace:*", next: "^16.4.6", react: "^19.3.1" },
  devDependencies: { "@latchkey/server": "workspace:^", typescript: "5.9.3" },
};

const vendored = {
  "@latchkey/backend": "vendor/latchkey-backend-0.3.1.tgz",
  "@latchkey/nextjs": "vendor/latchkey-nextjs-0.3.1.tgz",
  "@latchkey/server": "vendor/latchkey-server-0.3.1.tgz",
};

const base = { name: "my-app", packages, nodeRange: ">=20.9.0" };

describe("tarballName", () => {
  it("is the name pnpm pack and npm pack give a scoped package", () => {
    expect(tarballName({ name: "@latchkey/nextjs", version: "1.2.3" })).toBe(
      "latchkey-nextjs-1.2.3.tgz",
    );
    expect(tarballName({ name: "create-latchkey-app", version: "1.2.3" })).toBe(
      "create-latchkey-app-1.2.3.tgz",
    );
  });
});

describe("requiredLatchkeyPackages", () => {
  it("follows the packages' own dependencies (nextjs needs backend)", () => {
    expect(requiredLatchkeyPackages(demo, packages)).toEqual([
      "@latchkey/backend",
      "@latchkey/nextjs",
      "@latchkey/server",
    ]);
  });

  it("refuses a workspace: dependency that is not a Latchkey package", () => {
    const other = { dependencies: { "@acme/ui": "workspace:*" } };
    expect(() => requiredLatchkeyPackages(other, packages)).toThrow(
      expect.objectContaining({ code: "unknown-workspace-dependency" }),
    );
  });
});

describe("standaloneManifest, vendored", () => {
  const manifest = standaloneManifest(demo, { ...base, vendored });

  it("names every Latchkey package by its tarball and leaves no workspace: range", () => {
    expect(manifest.dependencies).toEqual({
      "@latchkey/nextjs": "file:vendor/latchkey-nextjs-0.3.1.tgz",
      next: "^16.4.6",
      react: "^19.3.1",
    });
    expect(manifest.devDependencies).toEqual({
      "@latchkey/server": "file:vendor/latchkey-server-0.3.1.tgz",
      typescript: "5.9.3",
    });
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
  });

  it("points nested dependencies at the tarballs for npm and pnpm", () => {
    expect(manifest.overrides).toEqual({
      "@latchkey/backend": "file:vendor/latchkey-backend-0.3.1.tgz",
      "@latchkey/nextjs": "$@latchkey/nextjs",
      "@latchkey/server": "$@latchkey/server",
    });
    expect(manifest.pnpm).toEqual({
      overrides: {
        "@latchkey/backend": "file:vendor/latchkey-backend-0.3.1.tgz",
        "@latchkey/nextjs": "file:vendor/latchkey-nextjs-0.3.1.tgz",
        "@latchkey/server": "file:vendor/latchkey-server-0.3.1.tgz",
      },
    });
  });

  it("is the app's own package: name, version, private, engines; the demo's scripts as they are", () => {
    expect(manifest).toMatchObject({
      name: "my-app",
      version: "0.1.0",
      private: true,
      type: "module",
      description: "A starter.",
      engines: { node: ">=20.9.0" },
      scripts: { dev: "latchkey dev", build: "next build", start: "next start" },
    });
  });

  it("refuses to vendor without a tarball for each package", () => {
    const { "@latchkey/backend": _backend, ...partial } = vendored;
    expect(() => standaloneManifest(demo, { ...base, vendored: partial })).toThrow(CreateAppError);
  });
});

describe("standaloneManifest, --registry", () => {
  const manifest = standaloneManifest(demo, base);

  it("uses caret ranges of the packages' versions and no overrides", () => {
    expect(manifest.dependencies?.["@latchkey/nextjs"]).toBe("^0.3.1");
    expect(manifest.devDependencies?.["@latchkey/server"]).toBe("^0.3.1");
    expect(manifest.overrides).toBeUndefined();
    expect(manifest.pnpm).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|file:|vendor\//);
  });

  it("keeps the kind of range a workspace: range asked for", () => {
    const tilde = { dependencies: { "@latchkey/nextjs": "workspace:~" } };
    expect(standaloneManifest(tilde, base).dependencies?.["@latchkey/nextjs"]).toBe("~0.3.1");
    const exact = { dependencies: { "@latchkey/nextjs": "workspace:0.3.0" } };
    expect(standaloneManifest(exact, base).dependencies?.["@latchkey/nextjs"]).toBe("0.3.0");
  });
});
