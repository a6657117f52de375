/**
 * The two command-line options that say where a command's store lives, for `parseArgs`:
 * `--data-dir` (PGlite) and `--database-url` (PostgreSQL).
 */
export const STORAGE_FLAG_OPTIONS = {
  "data-dir": { type: "string" },
  "database-url": { type: "string" },
} as const;

/** How the storage options read in a command's usage text. */
export const STORAGE_FLAGS_USAGE = `  --data-dir <dir>       PGlite data directory (default .latchkey/pglite)
  --database-url <url>   Use PostgreSQL instead of PGlite (env DATABASE_URL)`;

/** Where the store is: a PGlite directory, a PostgreSQL URL, or neither (the default directory). */
export type StorageChoice = { dataDir?: string; databaseUrl?: string };

/**
 * The storage a command was given. `--database-url` falls back to `DATABASE_URL` in
 * `databaseUrlFallback` (pass `undefined` where the environment must not choose).
 *
 * @throws Error when both a PGlite directory and a PostgreSQL URL are given
 * @example
 * const { values } = parseArgs({ args, options: { ...STORAGE_FLAG_OPTIONS } });
 * const store = await openStore({ ...storageFromFlags(values, process.env.DATABASE_URL), … });
 */
export function storageFromFlags(
  values: { "data-dir"?: string | undefined; "database-url"?: string | undefined },
  databaseUrlFallback: string | undefined,
): StorageChoice {
  const dataDir = values["data-dir"] || undefined;
  const databaseUrl = values["database-url"] || databaseUrlFallback || undefined;
  if (dataDir !== undefined && databaseUrl !== undefined) {
    throw new Error("Give either --data-dir (PGlite) or --database-url (PostgreSQL), not both.");
  }
  if (dataDir !== undefined) return { dataDir };
  if (databaseUrl !== undefined) return { databaseUrl };
  return {};
}
