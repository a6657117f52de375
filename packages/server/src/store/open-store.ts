import { resolve } from "node:path";
import type { Clock } from "../clock.js";
import type { IdGenerator } from "../id-generator.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { createPostgresDatabase } from "./postgres-database.js";
import { createSqlStore } from "./sql-store.js";
import type { Store } from "./store.js";
import type { RenderEventData } from "./store-events.js";

/** Options for {@link openDatabase}. */
export interface OpenStoreOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://`; default `.latchkey/pglite` under the cwd. */
  dataDir?: string;
  /** Schema to use (created if missing); default: the database default (`public`). */
  schema?: string;
  clock?: Clock;
  ids?: IdGenerator;
}

/** Options for {@link openStore}: where the database is, and how event data is rendered. */
export interface OpenSqlStoreOptions extends OpenStoreOptions {
  /** Renders webhook event data from records (`webhookEventData()` from `wire/`). */
  renderEventData: RenderEventData;
}

/** The default PGlite data directory: `.latchkey/pglite` in the current working directory. */
export function defaultDataDir(): string {
  return resolve(process.cwd(), ".latchkey", "pglite");
}

/** Opens PostgreSQL when `databaseUrl` is given, PGlite otherwise. Does not migrate. */
export function openDatabase(options: OpenStoreOptions = {}): Promise<Database> {
  const schema = options.schema === undefined ? {} : { schema: options.schema };
  if (options.databaseUrl) {
    return createPostgresDatabase({ connectionString: options.databaseUrl, ...schema });
  }
  return createPgliteDatabase({ dataDir: options.dataDir ?? defaultDataDir(), ...schema });
}

/**
 * Opens the database, applies pending migrations and returns the store.
 *
 * @example
 * const store = await openStore({ databaseUrl, renderEventData: webhookEventData() });
 */
export async function openStore(options: OpenSqlStoreOptions): Promise<Store> {
  const db = await openDatabase(options);
  try {
    await migrate(db, options.clock === undefined ? {} : { clock: options.clock });
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db, {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    renderEventData: options.renderEventData,
  });
}
