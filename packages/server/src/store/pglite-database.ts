import { mkdir } from "node:fs/promises";
import { PGlite, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Database, Queryable, Row } from "./database.js";
import { quoteIdentifier } from "./quote-identifier.js";

/** Options for {@link createPgliteDatabase}. */
export interface PgliteDatabaseOptions {
  /** A directory path, or `memory://` for a throw-away in-memory database. */
  dataDir: string;
  /** Schema to work in (created if missing); default `public`. */
  schema?: string;
}

const PARSERS = { [types.INT8]: (value: string) => Number(value) };

function wrap(target: Pick<PGlite, "query" | "exec">): Queryable {
  return {
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Opens an embedded PGlite database (one process only; PGlite is single-connection).
 *
 * @example
 * const db = await createPgliteDatabase({ dataDir: "memory://" });
 */
export async function createPgliteDatabase(options: PgliteDatabaseOptions): Promise<Database> {
  if (!options.dataDir.startsWith("memory://")) {
    await mkdir(options.dataDir, { recursive: true });
  }
  // pg_trgm: the trigram indexes of user search (migration 0017).
  const pg = await PGlite.create(options.dataDir, { parsers: PARSERS, extensions: { pg_trgm } });
  if (options.schema !== undefined) {
    const schema = quoteIdentifier(options.schema);
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  }
  const root = wrap(pg);
  return {
    driver: "pglite",
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
