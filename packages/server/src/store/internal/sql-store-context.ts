import type { Clock } from "../../clock.js";
import type { IdGenerator } from "../../id-generator.js";
import type { Database } from "../database.js";
import type { EmitEvent } from "./emit-event.js";

/** What the SQL store's parts share. */
export interface SqlStoreContext {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  /** Runs `fn`, turning unique violations into `form_identifier_exists`. */
  guard<T>(fn: () => Promise<T>): Promise<T>;
  /** Writes a webhook event to the outbox in the caller's transaction. */
  emit: EmitEvent;
}
