import { readFile } from "node:fs/promises";
import { openStore } from "../store/open-store.js";
import { webhookEventData } from "../wire/webhook-event-data.js";
import { ClerkImportError } from "./clerk-import-error.js";
import { type ClerkImportReport, formatImportReport } from "./clerk-import-report.js";
import { importClerkUsers } from "./import-clerk-users.js";

/** What `latchkey import clerk` was asked to do. */
export interface RunClerkImportOptions {
  csvFile: string;
  jsonFile?: string;
  /** PostgreSQL; PGlite (`dataDir`, default `.latchkey/pglite`) otherwise. */
  databaseUrl?: string;
  dataDir?: string;
  emitEvents?: boolean;
  /** Public URL of the instance, for URLs in event data (`--emit-events`). */
  publicUrl?: string;
  /** Where the progress line and the report go; default `process.stdout`. */
  out?: NodeJS.WriteStream;
}

/**
 * `latchkey import clerk --csv …`: opens the instance's database (migrating it like a start
 * would), imports the exports, prints a progress line on a terminal and the report.
 *
 * @returns the report; the CLI exits with 1 when a row was refused
 * @throws ClerkImportError for unreadable files (nothing written)
 * @example
 * await runClerkImport({ csvFile: "users.csv", databaseUrl: process.env.DATABASE_URL });
 */
export async function runClerkImport(options: RunClerkImportOptions): Promise<ClerkImportReport> {
  const out = options.out ?? process.stdout;
  const read = async (file: string, code: "csv_unreadable" | "json_unreadable") => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new ClerkImportError(code, `Cannot read ${file}.`, { cause: error });
    }
  };
  const csv = await read(options.csvFile, "csv_unreadable");
  const json =
    options.jsonFile === undefined
      ? undefined
      : (await read(options.jsonFile, "json_unreadable")).toString("utf8");
  const store = await openStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    renderEventData: webhookEventData(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  try {
    const progress = out.isTTY === true;
    const report = await importClerkUsers({
      store,
      csv,
      csvName: options.csvFile,
      ...(json === undefined ? {} : { json, jsonName: options.jsonFile }),
      emitEvents: options.emitEvents ?? false,
      ...(progress
        ? {
            onProgress: (done: number, total: number) =>
              out.write(`\rImporting users: ${done} / ${total}`),
          }
        : {}),
    });
    if (progress) out.write("\n");
    out.write(`${formatImportReport(report)}\n`);
    return report;
  } finally {
    await store.close();
  }
}
