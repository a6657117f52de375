import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { standaloneTsconfig } from "./rewrite-tsconfig.js";

const root = mkdtempSync(join(tmpdir(), "latchkey-tsconfig-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("standaloneTsconfig", () => {
  it("inlines relative bases, the extending file's options on top", () => {
    writeFileSync(
      join(root, "base.json"),
      `{ // the repository's base
        "compilerOptions": { "strict": true, "module": "NodeNext", "declaration": true, "sourceMap": true },
        "include": ["never"] }`,
    );
    mkdirSync(join(root, "apps", "demo"), { recursive: true });
    const app = standaloneTsconfig(
      {
        extends: "../../base.json",
        compilerOptions: { module: "ESNext", noEmit: true, declaration: false },
        include: ["**/*.ts"],
      },
      join(root, "apps", "demo"),
    );
    expect(app).toEqual({
      compilerOptions: { strict: true, module: "ESNext", noEmit: true },
      include: ["**/*.ts"],
    });
  });

  it("follows a chain of bases and keeps a base that is a package", () => {
    writeFileSync(
      join(root, "inner.json"),
      '{ "extends": "@tsconfig/strictest", "compilerOptions": { "target": "ES2022" } }',
    );
    writeFileSync(
      join(root, "outer.json"),
      '{ "extends": "./inner.json", "compilerOptions": { "jsx": "react-jsx" } }',
    );
    const app = standaloneTsconfig({ extends: "./outer.json" }, root);
    expect(app).toEqual({
      extends: "@tsconfig/strictest",
      compilerOptions: { target: "ES2022", jsx: "react-jsx" },
    });
  });

  it("fails with template-missing when a base is not there", () => {
    expect(() => standaloneTsconfig({ extends: "./missing.json" }, root)).toThrow(
      expect.objectContaining({ code: "template-missing" }),
    );
  });
});
