import { readFile } from "node:fs/promises";
import { openStore } from "../store/open-store.js";
import { webhookEventData } from "../wire/webhook-event-data.js";
import { createApiPageCache } from "./api-page-cache.js";
import { type ClerkApiReaderOptions, createClerkApiReader } from "./clerk-api-reader.js";
import { ClerkImportError } from "./clerk-import-error.js";
import { type ClerkImportReport, formatImportReport } from "./clerk-import-report.js";
import {
  type ClerkResourcesReport,
  formatResourcesReport,
  importClerkResources,
  readClerkResources,
} from "./import-clerk-resources.js";
import { importClerkUsers } from "./import-clerk-users.js";

/** What `latchkey import clerk` did: users, and with `fromApi` organizations and the rest. */
export interface RunClerkImportReport extends ClerkImportReport {
  resources?: ClerkResourcesReport;
}

/** What `latchkey import clerk` was asked to do. */
export interface RunClerkImportOptions {
  /** Clerk's Dashboard export; at least one of `csvFile`, `jsonFile`, `fromApi`. */
  csvFile?: string;
  jsonFile?: string;
  /** Read users from a Clerk instance's Backend API with its secret key. */
  fromApi?: Pick<ClerkApiReaderOptions, "apiUrl" | "secretKey" | "fetch"> & {
    /**
     * Where pages already read are kept until the import finishes, so an interrupted run
     * resumes its read there (default: none, every run reads everything).
     */
    resumeDir?: string;
  };
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
 * `latchkey import clerk`: reads the exports (and, with `fromApi`, the Clerk instance's users,
 * organizations, memberships and JWT templates from its Backend API, paged), then opens the instance's database (migrating it like a start
 * would), imports, prints a progress line on a terminal and the report.
 *
 * @returns the report; the CLI exits with 1 when a row or record was refused
 * @throws ClerkImportError for unreadable files or a failed Backend API read (nothing written)
 * @example
 * await runClerkImport({ csvFile: "users.csv", databaseUrl: process.env.DATABASE_URL });
 */
export async function runClerkImport(
  options: RunClerkImportOptions,
): Promise<RunClerkImportReport> {
  const out = options.out ?? process.stdout;
  const read = async (file: string, code: "csv_unreadable" | "json_unreadable") => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new ClerkImportError(code, `Cannot read ${file}.`, { cause: error });
    }
  };
  if (!options.csvFile && !options.jsonFile && !options.fromApi) {
    throw new ClerkImportError(
      "import_options_invalid",
      "Nothing to import: give --csv <file>, --json <file> or --from-api.",
    );
  }
  const csv =
    options.csvFile === undefined ? undefined : await read(options.csvFile, "csv_unreadable");
  const json =
    options.jsonFile === undefined
      ? undefined
      : (await read(options.jsonFile, "json_unreadable")).toString("utf8");
  // Read everything from Clerk before the database is touched: a failed read writes nothing.
  const progress = out.isTTY === true;
  const { resumeDir, ...apiOptions } = options.fromApi ?? {};
  const cache = resumeDir === undefined ? undefined : createApiPageCache(resumeDir);
  const api =
    options.fromApi === undefined
      ? undefined
      : createClerkApiReader({
          ...(apiOptions as ClerkApiReaderOptions),
          ...(cache === undefined ? {} : { cache }),
          ...(progress
            ? {
                onPage: (path: string, read: number) =>
                  out.write(`\rReading ${path} from Clerk: ${read}\u001b[K`),
              }
            : {}),
        });
  const apiUsers =
    api === undefined ? undefined : await api.list("/users", { order_by: "+created_at" });
  const apiResources = api === undefined ? undefined : await readClerkResources(api);
  if (api !== undefined && progress) out.write("\n");
  const store = await openStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    renderEventData: webhookEventData(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  try {
    const report = await importClerkUsers({
      store,
      ...(csv === undefined ? {} : { csv, csvName: options.csvFile }),
      ...(apiUsers === undefined ? {} : { apiUsers }),
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
    if (apiResources === undefined) return report;
    // Memberships need their users: organizations and the rest come after them.
    const resources = await importClerkResources(store, apiResources);
    out.write(`${formatResourcesReport(resources)}\n`);
    // Done: the next run reads Clerk afresh.
    await cache?.clear();
    return { ...report, resources };
  } finally {
    await store.close();
  }
}
