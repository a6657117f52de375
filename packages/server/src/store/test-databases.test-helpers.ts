import { afterAll, beforeAll, beforeEach } from "vitest";
import { createFixedClock } from "../clock.js";
import { randomBase62 } from "../id-generator.js";
import { webhookEventData } from "../wire/webhook-event-data.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { createPgliteDatabase } from "./pglite-database.js";
import { createPostgresDatabase } from "./postgres-database.js";
import { createSqlStore, type SqlStoreOptions } from "./sql-store.js";
import type { Store } from "./store.js";

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
    "TRUNCATE users, email_addresses, phone_numbers, images, webhook_outbox, signing_keys, clients, sessions, jwt_templates, webhook_endpoints, webhook_deliveries, organizations, organization_memberships, organization_invitations, invitations, emails, rate_limit_buckets, sign_ups, sign_ins, verification_codes, backup_codes, totp_enrollments CASCADE",
  );
  // Roles and permissions made by a test; the built-in ones stay, as every instance has them.
  await db.exec(
    "DELETE FROM organization_roles WHERE NOT system; DELETE FROM organization_permissions WHERE type <> 'system'",
  );
}

/** 2026-01-01T00:00:00Z: where {@link useTestStore}'s clock starts unless told otherwise. */
export const TEST_STORE_START_MS = 1_767_225_600_000;

/** A clock that only moves when a test says so. */
export type TestClock = ReturnType<typeof createFixedClock>;

/**
 * What {@link useTestStore} hands a describe block. `db`, `store` and the `open…` functions are
 * filled by its `beforeAll`: read them inside hooks and tests, not while the block is declared.
 */
export interface TestStore {
  /** The migrated database, emptied before each test. */
  readonly db: Database;
  /** A store over {@link TestStore.db}, running on {@link TestStore.clock}. */
  readonly store: Store;
  /** The store's clock; set back to its start before each test. */
  readonly clock: TestClock;
  /** A second connection to the same database (PGlite: the same one). */
  openSibling(): Promise<Database>;
  /** A store like {@link TestStore.store} over a second connection, to race real transactions. */
  openSiblingStore(): Promise<Store>;
}

/** Options of {@link useTestStore}. */
export interface UseTestStoreOptions {
  /** Where the clock starts (and is set back to before each test); epoch ms. */
  startMs?: number;
  /** Further options of the stores (their clock is the helper's; event data as the instance renders it unless given). */
  store?: Partial<Omit<SqlStoreOptions, "clock">>;
}

/**
 * Registers the usual storage set-up in the current describe block: opens a fresh database on
 * `target` and migrates it (beforeAll), empties it and resets the clock (beforeEach, registered
 * before the block's own hooks, so they run after it), and disposes of it (afterAll).
 *
 * @throws Error when `db`, `store` or a sibling is read outside the block's hooks and tests.
 * @example
 * for (const target of TEST_DATABASE_TARGETS) {
 *   describe(describeName("Session store", target), skipWhen(target.skipReason), () => {
 *     const ctx = useTestStore(target);
 *     it("creates a user", async () => {
 *       expect((await ctx.store.createUser({})).createdAt).toBe(ctx.clock.now());
 *     });
 *   });
 * }
 */
export function useTestStore(
  target: TestDatabaseTarget = DEFAULT_TEST_TARGET,
  options: UseTestStoreOptions = {},
): TestStore {
  const startMs = options.startMs ?? TEST_STORE_START_MS;
  const clock = createFixedClock(startMs);
  const storeOptions: SqlStoreOptions = {
    renderEventData: webhookEventData(),
    ...options.store,
    clock,
  };
  let opened: { database: TestDatabase; store: Store } | undefined;
  const ready = () => {
    if (opened === undefined) {
      throw new Error("useTestStore: the database is only open inside the block's hooks and tests");
    }
    return opened;
  };

  beforeAll(async () => {
    const database = await target.open();
    opened = { database, store: createSqlStore(database.db, storeOptions) };
    await migrate(database.db, { clock });
  });
  afterAll(async () => {
    await opened?.database.dispose();
    opened = undefined;
  });
  beforeEach(async () => {
    await clearData(ready().database.db);
    clock.set(startMs);
  });

  return {
    clock,
    get db() {
      return ready().database.db;
    },
    get store() {
      return ready().store;
    },
    openSibling: () => ready().database.openSibling(),
    openSiblingStore: async () =>
      createSqlStore(await ready().database.openSibling(), storeOptions),
  };
}
