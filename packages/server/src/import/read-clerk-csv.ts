import { parse } from "csv-parse/sync";
import { ClerkImportError } from "./clerk-import-error.js";

/** The columns of Clerk's Dashboard user export, in its order. */
export const CLERK_CSV_COLUMNS = [
  "id",
  "first_name",
  "last_name",
  "username",
  "primary_email_address",
  "primary_phone_number",
  "verified_email_addresses",
  "unverified_email_addresses",
  "verified_phone_numbers",
  "unverified_phone_numbers",
  "totp_secret",
  "password_digest",
  "password_hasher",
] as const;

/** A column of Clerk's Dashboard export. */
export type ClerkCsvColumn = (typeof CLERK_CSV_COLUMNS)[number];

/** One row of the export: the line it ends on (the header is line 1) and its cells, trimmed. */
export interface ClerkCsvRow {
  line: number;
  cells: Record<ClerkCsvColumn, string>;
}

/**
 * Reads Clerk's Dashboard user export (CSV, RFC 4180 quoting, a header row, a UTF-8 BOM allowed).
 * Columns are found by name in any order; only `id` is required, a missing one reads as empty and
 * columns Clerk may add later are ignored.
 *
 * @throws ClerkImportError `csv_unreadable` when the CSV does not parse (the message names the
 *   line), `csv_columns_missing` without an `id` column.
 * @example
 * const rows = readClerkCsv(await readFile("users.csv"), "users.csv");
 */
export function readClerkCsv(input: string | Buffer, fileName = "the CSV export"): ClerkCsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new ClerkImportError(
      "csv_unreadable",
      `${fileName} is not readable CSV${typeof line === "number" ? ` (line ${line})` : ""}.`,
      { cause: error },
    );
  }
  const [header, ...body] = records;
  const names = (header?.record ?? []).map((name) => name.trim().toLowerCase());
  if (!names.includes("id")) {
    throw new ClerkImportError(
      "csv_columns_missing",
      `${fileName} has no id column: expected Clerk's user export with the columns ${CLERK_CSV_COLUMNS.join(", ")}.`,
    );
  }
  const positions = CLERK_CSV_COLUMNS.map((column) => [column, names.indexOf(column)] as const);
  return body.map(({ record, info }) => {
    const cells = {} as Record<ClerkCsvColumn, string>;
    for (const [column, index] of positions) {
      cells[column] = index === -1 ? "" : (record[index] ?? "").trim();
    }
    return { line: info.lines, cells };
  });
}
