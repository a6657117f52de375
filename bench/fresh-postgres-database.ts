import { randomBytes } from "node:crypto";
import { openDatabase } from "@latchkey/server";

/**
 * Makes a new, empty PostgreSQL database next to the one `databaseUrl` names, for one bench run;
 * `drop()` removes it.
 *
 * @example
 * const database = await freshPostgresDatabase(process.env.DATABASE_URL, "lk_bench");
 */
export async function freshPostgresDatabase(
  databaseUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl });
  await admin.exec(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}
