import type { ImportedUser, UserImportStore } from "../store/user-import-store.js";
import type { ClerkImportReport, ImportRefusal } from "./clerk-import-report.js";
import { type ClerkRowResult, clerkJsonUserCells, clerkRowToUser } from "./clerk-row-to-user.js";
import { type ClerkCsvColumn, readClerkCsv } from "./read-clerk-csv.js";
import {
  type ClerkJsonUser,
  parseClerkUsers,
  readClerkUsersJson,
} from "./read-clerk-users-json.js";

/** Users written per transaction. */
export const DEFAULT_IMPORT_BATCH_SIZE = 500;

/** Options of {@link importClerkUsers}. */
export interface ImportClerkUsersOptions {
  store: UserImportStore;
  /** Clerk's Dashboard export (CSV); without it, only `json` / `apiUsers` users (no passwords). */
  csv?: string | Buffer;
  /** Named in error messages; default "the CSV export". */
  csvName?: string;
  /** The CLI / Backend API export: a JSON array of Clerk `User` objects, merged by id. */
  json?: string;
  jsonName?: string;
  /** Clerk `User` objects read from the Backend API (`--from-api`), merged like `json`. */
  apiUsers?: readonly unknown[];
  /** Write `user.created` / `user.updated` to the outbox (default: no webhooks). */
  emitEvents?: boolean;
  /** Users per transaction; default {@link DEFAULT_IMPORT_BATCH_SIZE}. */
  batchSize?: number;
  /** Told after each batch: rows settled so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** A user ready for the store, with where each of their identifications came from. */
interface Pending {
  line: number | null;
  user: ImportedUser;
  emailColumns: ClerkCsvColumn[];
  phoneColumns: ClerkCsvColumn[];
}

/**
 * Imports Clerk's user exports: each CSV row (merged with its JSON user) checked, then written in
 * batches, one transaction each, idempotent by user id. Rows that cannot be imported are refused
 * one by one (line, column, code) and never stop the others; a user is written whole or not at
 * all. Within the file, the first row to claim an id, email address, phone number or username has
 * it; a later one is refused (`id_duplicate`, `…_taken`). A user refused by the store for an
 * address or number another user held is tried again after the last batch, with every other such
 * user in one batch (two users who swapped addresses across batches then both move).
 *
 * @throws ClerkImportError `csv_unreadable`, `csv_columns_missing`, `json_unreadable` before
 *   anything is written
 * @example
 * const report = await importClerkUsers({ store, csv: await readFile("users.csv") });
 * console.log(formatImportReport(report));
 */
export async function importClerkUsers(
  options: ImportClerkUsersOptions,
): Promise<ClerkImportReport> {
  const started = performance.now();
  const rows = options.csv === undefined ? [] : readClerkCsv(options.csv, options.csvName);
  const jsonUsers = new Map<string, ClerkJsonUser>([
    ...(options.json === undefined ? [] : readClerkUsersJson(options.json, options.jsonName)),
    ...(options.apiUsers === undefined
      ? []
      : parseClerkUsers(options.apiUsers, "Clerk's Backend API")),
  ]);
  const refused: ImportRefusal[] = [];
  const pending: Pending[] = [];
  const seenIds = new Set<string>();
  const claims = {
    email: new Map<string, string>(),
    phone: new Map<string, string>(),
    username: new Map<string, string>(),
  };

  const admit = (line: number | null, result: ClerkRowResult) => {
    if ("refusal" in result) {
      refused.push(result.refusal);
      return;
    }
    const { user } = result;
    const refuse = (column: string, code: ImportRefusal["code"]) =>
      refused.push({ line, id: user.id, column, code });
    const taken = (map: Map<string, string>, key: string) => {
      const owner = map.get(key);
      return owner !== undefined && owner !== user.id;
    };
    const email = user.emailAddresses.findIndex((e) => taken(claims.email, e.value.toLowerCase()));
    if (email !== -1)
      return refuse(result.emailColumns[email] ?? "email_address", "email_address_taken");
    const phone = user.phoneNumbers.findIndex((p) => taken(claims.phone, p.value));
    if (phone !== -1)
      return refuse(result.phoneColumns[phone] ?? "phone_number", "phone_number_taken");
    if (user.username && taken(claims.username, user.username.toLowerCase())) {
      return refuse("username", "username_taken");
    }
    for (const e of user.emailAddresses) claims.email.set(e.value.toLowerCase(), user.id);
    for (const p of user.phoneNumbers) claims.phone.set(p.value, user.id);
    if (user.username) claims.username.set(user.username.toLowerCase(), user.id);
    pending.push({
      line,
      user,
      emailColumns: result.emailColumns,
      phoneColumns: result.phoneColumns,
    });
  };

  for (const row of rows) {
    if (row.cells.id !== "" && seenIds.has(row.cells.id)) {
      refused.push({ line: row.line, id: row.cells.id, column: "id", code: "id_duplicate" });
      continue;
    }
    seenIds.add(row.cells.id);
    admit(row.line, clerkRowToUser(row, jsonUsers.get(row.cells.id)));
  }
  // Users only in the JSON export: imported without a password (only the CSV has digests).
  for (const [id, json] of jsonUsers) {
    if (seenIds.has(id)) continue;
    admit(null, clerkRowToUser({ line: 0, cells: clerkJsonUserCells(json) }, json));
  }
  for (const refusal of refused) if (refusal.line === 0) refusal.line = null;

  const report: ClerkImportReport = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    kept: 0,
    refused,
    elapsedMs: 0,
  };
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  const total = pending.length;
  /**
   * Writes `entries` in batches of `size`; a refusal for a taken address or number goes to
   * `retry` when given.
   */
  const write = async (entries: readonly Pending[], size: number, retry: Pending[] | null) => {
    for (let start = 0; start < entries.length; start += size) {
      const batch = entries.slice(start, start + size);
      const outcomes = await options.store.importUsers(
        batch.map((p) => p.user),
        { emitEvents: options.emitEvents ?? false },
      );
      outcomes.forEach((outcome, index) => {
        const entry = batch[index];
        if (entry === undefined) return;
        if (outcome.outcome !== "refused") {
          report[outcome.outcome] += 1;
        } else if (
          retry !== null &&
          outcome.field !== "username" &&
          outcome.field !== "external_id"
        ) {
          retry.push(entry);
        } else {
          const columns =
            outcome.field === "email_address" ? entry.emailColumns : entry.phoneColumns;
          const column =
            outcome.index === undefined ? outcome.field : (columns[outcome.index] ?? outcome.field);
          refused.push({ line: entry.line, id: entry.user.id, column, code: outcome.code });
        }
      });
      if (retry !== null) options.onProgress?.(Math.min(start + size, total), total);
    }
  };
  const retry: Pending[] = [];
  await write(pending, batchSize, retry);
  // An address or number held by a user of a later batch (two users who swapped theirs in Clerk,
  // in different batches): once every batch is written, those users try again, in one batch.
  await write(retry, Math.max(retry.length, 1), null);
  refused.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  report.elapsedMs = performance.now() - started;
  return report;
}
