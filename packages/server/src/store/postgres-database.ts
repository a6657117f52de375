import pg from "pg";
import type { Database, Queryable, Row } from "./database.js";
import { quoteIdentifier } from "./quote-identifier.js";

/** Options for {@link createPostgresDatabase}. */
export interface PostgresDatabaseOptions {
  /** `postgres://user@host:port/db` */
  connectionString: string;
  /** Schema every connection works in (`search_path`); default: the server's default. */
  schema?: string;
  /** Pool size; default 10. */
  maxConnections?: number;
}

const INT8_OID = 20;

const typeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Connects to PostgreSQL through a `pg` pool.
 *
 * @example
 * const db = await createPostgresDatabase({ connectionString: process.env.DATABASE_URL! });
 */
export async function createPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  const schema = options.schema === undefined ? undefined : quoteIdentifier(options.schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: typeParsers,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => {});
  if (schema !== undefined) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }

  const onClient = (client: pg.PoolClient | pg.Pool): Queryable => ({
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const root = onClient(pool);

  return {
    driver: "postgres",
    query: root.query,
    exec: root.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: losing its connection between two statements
      // (server restart, `pg_terminate_backend`) would be an uncaught error and end the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(onClient(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => {
          broken ??= rollbackError instanceof Error ? rollbackError : new Error("ROLLBACK failed");
        });
        throw error;
      } finally {
        client.off("error", onError);
        // Releasing with an error discards the connection instead of pooling it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
