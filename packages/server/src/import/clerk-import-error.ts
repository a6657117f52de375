/** Why an import could not start: the files, not a row (rows are refused one by one instead). */
export type ClerkImportErrorCode =
  | "csv_unreadable"
  | "csv_columns_missing"
  | "json_unreadable"
  | "api_request_failed"
  | "import_options_invalid";

/**
 * The one error of `latchkey import clerk`. Callers `switch (error.code)`; messages name the file
 * and line, never a cell's content (it may be a digest or a TOTP secret).
 *
 * @example
 * throw new ClerkImportError("csv_columns_missing", "users.csv has no id column.");
 */
export class ClerkImportError extends Error {
  readonly code: ClerkImportErrorCode;

  constructor(code: ClerkImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClerkImportError";
    this.code = code;
  }
}
