import type { Database, Queryable, Row } from "../database.js";

/**
 * A {@link Database} that runs everything in the open transaction `tx`: its statements, and its
 * nested transactions, which join the outer one (committed or rolled back with it). A store made
 * over it does several steps as one transaction.
 *
 * @example
 * db.transaction((tx) => fn(createSqlStore(joinTransaction(db, tx), options)));
 */
export function joinTransaction(db: Database, tx: Queryable): Database {
  return {
    driver: db.driver,
    query: <R extends Row>(sql: string, params?: readonly unknown[]) => tx.query<R>(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    close: async () => {},
  };
}
