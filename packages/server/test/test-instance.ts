import { afterAll, beforeAll } from "vitest";
import { createFixedClock } from "../src/clock.js";
import { createHandler, type FetchHandler, type HandlerConfig } from "../src/create-handler.js";
import type { InstanceSettings } from "../src/http/define-route.js";
import type { FrontendApiOptions } from "../src/http/frontend-api/frontend-api-options.js";
import { backendApiRoutes } from "../src/http/routes/backend-api-routes.js";
import { frontendApiRoutes } from "../src/http/routes/frontend/frontend-api-routes.js";
import type { PackageResolver } from "../src/http/routes/npm/bundle-package.js";
import { type NodeServer, serveNode } from "../src/http/serve-node.js";
import { type Logger, silentLogger } from "../src/logger.js";
import type { Database } from "../src/store/database.js";
import { migrate } from "../src/store/migrate.js";
import { createSqlStore } from "../src/store/sql-store.js";
import type { Store } from "../src/store/store.js";
import {
  DEFAULT_TEST_TARGET,
  type TestDatabase,
  type TestDatabaseTarget,
} from "../src/store/test-databases.test-helpers.js";
import { createSigningKeyRing, type SigningKeyRing } from "../src/tokens/signing-key-ring.js";
import { webhookEventData } from "../src/wire/webhook-event-data.js";
import { createTestBrowser, type TestBrowser } from "./frontend-test-browser.js";

/** The secret key test instances are created with. */
export const TEST_SECRET_KEY = "sk_test_latchkeyTestSecretKey0123456789";
/** 2026-01-01T00:00:00Z: test instances start their clock here. */
export const TEST_START_MS = 1_767_225_600_000;

/** Parsed JSON as tests read it: loosely, with property access checked by assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
type Loose = any;

/** A JSON answer of the instance. */
export interface ApiAnswer<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
}

/** An instance under test: its handler, store and clock, and a helper to call it. */
export interface TestInstance {
  handler: FetchHandler;
  store: Store;
  /** The instance's database, for tests that inspect rows directly. */
  db: Database;
  /** The instance's signing keys (the handler uses the same ring). */
  signingKeys: SigningKeyRing;
  clock: ReturnType<typeof createFixedClock>;
  /** `http://localhost` in process; the server's URL when started with `overHttp`. */
  baseUrl: string;
  /**
   * Calls the instance with the secret key (unless `secretKey: null`), a JSON body when given, and
   * parses the JSON answer.
   */
  call<T = Loose>(
    method: string,
    path: string,
    options?: { body?: unknown; secretKey?: string | null; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>;
  /** Sends a raw request (relative URL resolved against `baseUrl`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A new browser (empty cookie jar) calling the Frontend API under `/__clerk`. */
  browser(): TestBrowser;
}

/** Options of {@link useTestInstance}. */
export interface TestInstanceOptions {
  target?: TestDatabaseTarget;
  /**
   * Serve over HTTP on a free port and send requests through the network. Default: on when
   * `LATCHKEY_TEST_OVER_HTTP=1` (how `pnpm test` runs the route suites a second time).
   */
  overHttp?: boolean;
  /** Frontend API options (allowed origins, instance type, rate limiter…). */
  frontendApi?: FrontendApiOptions;
  settings?: Partial<InstanceSettings>;
  /** Where the instance logs (default: nowhere); e.g. to see why a request answered 500. */
  logger?: Logger;
  /** How the instance finds Clerk's browser bundles (default: Node's resolution). */
  resolvePackage?: PackageResolver;
  /** Serve the admin console at `/console` (default: not served). */
  console?: HandlerConfig["console"];
}

/**
 * Starts a fresh instance for the current test file (fresh PGlite database, or fresh PostgreSQL
 * schema) and stops it after. Read the returned object inside tests, not at collection time.
 *
 * @example
 * const instance = useTestInstance();
 * it("…", async () => { const { status } = await instance.call("GET", "/v1/users"); });
 */
export function useTestInstance(options: TestInstanceOptions = {}): TestInstance {
  const target = options.target ?? DEFAULT_TEST_TARGET;
  const clock = createFixedClock(TEST_START_MS);
  let database: TestDatabase | undefined;
  let server: NodeServer | undefined;
  const instance = { clock, baseUrl: "http://localhost" } as TestInstance;

  beforeAll(async () => {
    database = await target.open();
    instance.db = database.db;
    await migrate(database.db, { clock });
    instance.store = createSqlStore(database.db, { clock, renderEventData: webhookEventData() });
    instance.signingKeys = createSigningKeyRing({ store: instance.store, clock });
    instance.handler = createHandler({
      store: instance.store,
      signingKeys: instance.signingKeys,
      secretKey: TEST_SECRET_KEY,
      routes: backendApiRoutes,
      frontendApiRoutes,
      ...(options.frontendApi === undefined ? {} : { frontendApi: options.frontendApi }),
      ...(options.settings === undefined ? {} : { settings: options.settings }),
      ...(options.resolvePackage === undefined ? {} : { resolvePackage: options.resolvePackage }),
      ...(options.console === undefined ? {} : { console: options.console }),
      clock,
      logger: options.logger ?? silentLogger,
    });
    if (options.overHttp ?? process.env.LATCHKEY_TEST_OVER_HTTP === "1") {
      server = await serveNode(instance.handler, { port: 0 });
      instance.baseUrl = server.url;
    }
  });

  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  instance.fetch = (path, init) => {
    const request = new Request(new URL(path, instance.baseUrl), init);
    return server ? fetch(request) : instance.handler(request);
  };

  instance.browser = () => createTestBrowser((path, init) => instance.fetch(path, init));

  instance.call = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    const secretKey = callOptions.secretKey === undefined ? TEST_SECRET_KEY : callOptions.secretKey;
    if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
    let body: string | undefined;
    if (callOptions.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(callOptions.body);
    }
    const response = await instance.fetch(path, { method, headers, ...(body ? { body } : {}) });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? undefined : JSON.parse(text),
    };
  };

  return instance;
}
