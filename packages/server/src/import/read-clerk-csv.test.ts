import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clerkCsv } from "./clerk-export.test-helpers.js";
import { CLERK_CSV_COLUMNS, readClerkCsv } from "./read-clerk-csv.js";

describe("readClerkCsv", () => {
  it("reads back any cells the export can hold: commas, quotes, line breaks, unicode", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 20 });
    const row = fc.record(Object.fromEntries(CLERK_CSV_COLUMNS.map((c) => [c, cell])));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        // A row of only blank cells is a blank line, which the reader skips.
        const kept = rows.filter((r) => Object.values(r).some((v) => v !== ""));
        const read = readClerkCsv(clerkCsv(rows));
        expect(read.map((r) => r.cells)).toEqual(
          kept.map((r) =>
            Object.fromEntries(CLERK_CSV_COLUMNS.map((c) => [c, (r[c] ?? "").trim()])),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("finds columns by name in any order, reads missing ones as empty, numbers lines from the header", () => {
    const text =
      '\uFEFFpassword_hasher,ID,Extra\nbcrypt,user_1,x\n\n"sha256","user_2","a\nb"\nbcrypt,user_3,y\n';
    const rows = readClerkCsv(text);
    expect(
      rows.map((r) => [r.line, r.cells.id, r.cells.password_hasher, r.cells.first_name]),
    ).toEqual([
      [2, "user_1", "bcrypt", ""],
      [5, "user_2", "sha256", ""],
      [6, "user_3", "bcrypt", ""],
    ]);
  });

  it("refuses text that is not CSV or has no id column, naming the file and line only", () => {
    expect(() => readClerkCsv('id,first_name\nuser_1,"unterminated\n', "users.csv")).toThrow(
      expect.objectContaining({ code: "csv_unreadable" }),
    );
    expect(() => readClerkCsv("email\nada@example.com\n", "users.csv")).toThrow(
      expect.objectContaining({ code: "csv_columns_missing" }),
    );
  });
});
