import type { Database } from "../store/database.js";
import { quoteIdentifier } from "../store/quote-identifier.js";

/** Row count and content digest of every table of the instance's schema, by table name. */
export type DatabaseFingerprint = Record<string, { rows: number; digest: string }>;

/**
 * Fingerprints the whole database (every base table of the current schema, outbox included): a
 * request that changed nothing leaves the same fingerprint, one that wrote anything does not.
 *
 * @example
 * const before = await databaseFingerprint(instance.db);
 * await instance.call("POST", "/v1/users", { body: { email_address: ["bad"] } });
 * expect(await databaseFingerprint(instance.db)).toEqual(before);
 */
export async function databaseFingerprint(db: Database): Promise<DatabaseFingerprint> {
  const tables = await tableNames(db);
  // One statement for all tables: one round trip per fingerprint.
  const rows = await db.query<{ name: string; rows: number; digest: string }>(
    tables
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*)::int AS rows,
                  md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest
             FROM ${quoteIdentifier(name)} t`,
      )
      .join(" UNION ALL "),
  );
  const fingerprint: DatabaseFingerprint = {};
  for (const row of rows) fingerprint[row.name] = { rows: row.rows, digest: row.digest };
  return fingerprint;
}

const tableNamesOf = new WeakMap<Database, Promise<string[]>>();

/** The base tables of the current schema (read once per database: migrations ran before). */
function tableNames(db: Database): Promise<string[]> {
  let names = tableNamesOf.get(db);
  if (!names) {
    names = db
      .query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          ORDER BY table_name`,
      )
      .then((rows) => rows.map((row) => row.name));
    tableNamesOf.set(db, names);
  }
  return names;
}
