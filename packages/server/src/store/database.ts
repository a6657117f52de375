/** A row as returned by the driver: column name → value (int8 parsed as number, jsonb as JSON). */
export type Row = Record<string, unknown>;

/** Something SQL can be sent to: the database itself, or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement (`$1`, `$2`…) and returns its rows. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The tiny database abstraction the SQL store is written against. Two drivers implement it:
 * PGlite (embedded) and PostgreSQL (`pg`).
 */
export interface Database extends Queryable {
  /** Which driver this is, for the few places where they differ (never for SQL dialect). */
  readonly driver: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases connections / closes the embedded database. */
  close(): Promise<void>;
}
