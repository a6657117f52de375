import { randomBase62 } from "../id-generator.js";
import type { Database } from "./database.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { createPostgresDatabase } from "./postgres-database.js";

/** A database the storage contract runs against. */
export interface TestDatabaseTarget {
  label: string;
  /** Why the target is skipped, or undefined when it runs. */
  skipReason: string | undefined;
  /**
   * Opens a fresh, isolated database: a new in-memory PGlite, or a new `lk_<random>` schema on
   * PostgreSQL. `dispose` closes it and drops the schema.
   */
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** Opens a second connection to the same database (same schema); PGlite returns itself. */
  openSibling(): Promise<Database>;
  dispose(): Promise<void>;
}

const databaseUrl = process.env.DATABASE_URL;

const pglite: TestDatabaseTarget = {
  label: "PGlite (memory://)",
  skipReason: undefined,
  async open() {
    const db = await createPgliteDatabase({ dataDir: "memory://" });
    return { db, openSibling: async () => db, dispose: () => db.close() };
  },
};

const postgres: TestDatabaseTarget = {
  label: "PostgreSQL (DATABASE_URL)",
  skipReason: databaseUrl ? undefined : "DATABASE_URL is not set",
  async open() {
    if (!databaseUrl) throw new Error("DATABASE_URL is not set");
    const schema = `lk_${randomBase62(12).toLowerCase()}`;
    const db = await createPostgresDatabase({ connectionString: databaseUrl, schema });
    const siblings: Database[] = [];
    return {
      db,
      async openSibling() {
        const sibling = await createPostgresDatabase({ connectionString: databaseUrl, schema });
        siblings.push(sibling);
        return sibling;
      },
      async dispose() {
        await Promise.all(siblings.map((s) => s.close()));
        await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await db.close();
      },
    };
  },
};

/** Every target: PGlite always, PostgreSQL when `DATABASE_URL` is set. */
export const TEST_DATABASE_TARGETS: readonly TestDatabaseTarget[] = [pglite, postgres];

/** The target handler tests use: PostgreSQL when `DATABASE_URL` is set, PGlite otherwise. */
export const DEFAULT_TEST_TARGET: TestDatabaseTarget = databaseUrl ? postgres : pglite;

/** The name of a describe block for a target, stating why it is skipped when it is. */
export function describeName(prefix: string, target: TestDatabaseTarget): string {
  return target.skipReason === undefined
    ? `${prefix} on ${target.label}`
    : `${prefix} on ${target.label} — skipped: ${target.skipReason}`;
}

/** Deletes every row (between tests; cheaper than a new database). */
export async function clearData(db: Database): Promise<void> {
  await db.exec(
    "TRUNCATE users, email_addresses, phone_numbers, images, webhook_outbox, signing_keys, clients, sessions, jwt_templates, webhook_endpoints, webhook_deliveries, organizations, organization_memberships, organization_invitations, invitations, emails, rate_limit_buckets, sign_ups, sign_ins, verification_codes, backup_codes CASCADE",
  );
}
