import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshPostgresDatabase } from "./fresh-postgres-database.js";
import { type SpawnedCli, spawnCli } from "./spawn-cli.js";

/**
 * Runs `latchkey start` on a fresh database of its own: a fresh PostgreSQL database when
 * DATABASE_URL is set, a fresh PGlite directory otherwise. `dispose` stops the process and drops
 * the database.
 *
 * @example
 * const { cli, dispose } = await spawnCliOnTestDatabase("latchkey-compat-");
 */
export async function spawnCliOnTestDatabase(
  name: string,
  args: readonly string[] = [],
): Promise<{ cli: SpawnedCli; dispose: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const database = await freshPostgresDatabase(process.env.DATABASE_URL);
    const cli = await spawnCli(["--database-url", database.url, ...args]);
    return {
      cli,
      dispose: async () => {
        await cli.stop();
        await database.drop();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), name));
  const cli = await spawnCli(["--data-dir", dir, ...args]);
  return {
    cli,
    dispose: async () => {
      await cli.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
