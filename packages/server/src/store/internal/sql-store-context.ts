import type { Clock } from "../../clock.js";
import type { IdGenerator } from "../../id-generator.js";
import type { Database, Queryable } from "../database.js";
import type { StoreEvent } from "../store-events.js";

/** What the SQL store's parts share. */
export interface SqlStoreContext {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  /** Runs `fn`, turning unique violations into `form_identifier_exists`. */
  guard<T>(fn: () => Promise<T>): Promise<T>;
  /** Writes a webhook event to the outbox in the caller's transaction (its data rendered from the records). */
  emit(tx: Queryable, event: StoreEvent): Promise<void>;
}
