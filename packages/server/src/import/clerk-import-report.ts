/** Why a row of the export was not imported. */
export type ImportRefusalCode =
  | "id_invalid"
  | "id_duplicate"
  | "password_hasher_unsupported"
  | "password_digest_invalid"
  | "email_address_invalid"
  | "email_address_taken"
  | "phone_number_invalid"
  | "phone_number_taken"
  | "username_invalid"
  | "username_taken"
  | "external_id_taken"
  | "totp_secret_invalid"
  | "not_in_csv";

/** One refused row: where it is (line 1 is the header) and what about it was refused. */
export interface ImportRefusal {
  /** Line in the CSV file; null for a user only in the JSON export. */
  line: number | null;
  id: string;
  /** The CSV column (or JSON field) at fault. */
  column: string;
  code: ImportRefusalCode;
}

/** What an import did, row by row counted. */
export interface ClerkImportReport {
  /** Rows read from the CSV export. */
  rows: number;
  created: number;
  updated: number;
  /** Already as in the export: nothing written. */
  unchanged: number;
  /** Signed in here since an earlier import: left as they are. */
  kept: number;
  refused: ImportRefusal[];
  /** Wall time of the import, ms. */
  elapsedMs: number;
}

/**
 * The report as lines for a terminal: counts, then each refused row (no cell content is shown:
 * cells may hold digests or TOTP secrets).
 *
 * @example
 * console.log(formatImportReport(report));
 */
export function formatImportReport(report: ClerkImportReport): string {
  const lines = [
    `${report.rows} rows in ${(report.elapsedMs / 1000).toFixed(1)} s: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.kept} kept (signed in here since), ${report.refused.length} refused`,
  ];
  for (const r of report.refused) {
    const where = r.line === null ? "JSON export" : `line ${r.line}`;
    lines.push(`  refused ${where} (${r.id || "no id"}), ${r.column}: ${r.code}`);
  }
  return lines.join("\n");
}
