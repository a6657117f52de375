import { describe, expect, it } from "vitest";
import { storageFromFlags } from "./storage-flags.js";

describe("storageFromFlags", () => {
  it("chooses PGlite's directory, PostgreSQL's URL, or neither", () => {
    expect(storageFromFlags({ "data-dir": "/tmp/lk" }, undefined)).toEqual({ dataDir: "/tmp/lk" });
    expect(storageFromFlags({ "database-url": "postgres://db" }, undefined)).toEqual({
      databaseUrl: "postgres://db",
    });
    expect(storageFromFlags({}, undefined)).toEqual({});
  });

  it("falls back to the URL it is given for the environment, and the option wins over it", () => {
    expect(storageFromFlags({}, "postgres://env")).toEqual({ databaseUrl: "postgres://env" });
    expect(storageFromFlags({ "database-url": "postgres://flag" }, "postgres://env")).toEqual({
      databaseUrl: "postgres://flag",
    });
  });

  it("refuses a directory and a URL together, the environment's URL included", () => {
    const both = /either --data-dir \(PGlite\) or --database-url \(PostgreSQL\), not both/;
    expect(() =>
      storageFromFlags({ "data-dir": "/tmp/lk", "database-url": "postgres://db" }, undefined),
    ).toThrow(both);
    expect(() => storageFromFlags({ "data-dir": "/tmp/lk" }, "postgres://env")).toThrow(both);
  });
});
