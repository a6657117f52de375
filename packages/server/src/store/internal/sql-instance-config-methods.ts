import type { InstanceConfigStore } from "../instance-config-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** The SQL implementation of {@link InstanceConfigStore}. */
export function sqlInstanceConfigMethods(context: SqlStoreContext): InstanceConfigStore {
  const { db, clock } = context;
  const read = async (name: string): Promise<string | null> => {
    const rows = await db.query<{ value: string }>(
      "SELECT value FROM instance_config WHERE name = $1",
      [name],
    );
    return rows[0]?.value ?? null;
  };
  return {
    getInstanceValue: read,
    async putInstanceValueIfAbsent(name, value) {
      await db.query(
        `INSERT INTO instance_config (name, value, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO NOTHING`,
        [name, value, clock.now()],
      );
      const stored = await read(name);
      if (stored === null) throw new Error(`instance value ${name} vanished after insert`);
      return stored;
    },
    async setInstanceValue(name, value) {
      await db.query(
        `INSERT INTO instance_config (name, value, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
        [name, value, clock.now()],
      );
    },
  };
}
