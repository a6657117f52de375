import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import type { Database } from "./database.js";

/** One numbered SQL migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The package's `migrations/` folder (the same relative path from `src/store` and `dist/store`). */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL("../../migrations/", import.meta.url));

const FILE_NAME = /^(\d{4})_[a-z0-9_-]+\.sql$/;

/** Reads `NNNN_name.sql` files from `directory`, ordered by number. */
export async function loadMigrations(directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => FILE_NAME.test(file)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const version = Number(FILE_NAME.exec(file)?.[1]);
    if (migrations.some((m) => m.version === version)) {
      throw new Error(`Two migrations share the number ${version} in ${directory}.`);
    }
    migrations.push({ version, name: file, sql: await readFile(`${directory}/${file}`, "utf8") });
  }
  return migrations;
}

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock (keyed by
 * schema), recording each in `latchkey_migrations`. Several processes may call it at once: the
 * first applies, the others wait, then find nothing left to do.
 *
 * @returns the names of the migrations applied by this call
 * @example
 * await migrate(db);
 */
export async function migrate(
  db: Database,
  options: { migrations?: Migration[]; clock?: Clock } = {},
): Promise<string[]> {
  const migrations = options.migrations ?? (await loadMigrations());
  const clock = options.clock ?? systemClock;
  return db.transaction(async (tx) => {
    await tx.query(
      "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':latchkey_migrations'))",
    );
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS latchkey_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at bigint NOT NULL
       )`,
    );
    const rows = await tx.query<{ version: number }>("SELECT version FROM latchkey_migrations");
    const applied = new Set(rows.map((row) => Number(row.version)));
    const names: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query(
        "INSERT INTO latchkey_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        [migration.version, migration.name, clock.now()],
      );
      names.push(migration.name);
    }
    return names;
  });
}
