import { ApiError } from "../../errors/api-error.js";
import { deletedObjectJson } from "../../wire/deleted-object-json.js";
import { userJson } from "../../wire/user-json.js";
import type { Queryable } from "../database.js";
import type { UserRecord } from "../store.js";
import { loadUser } from "./load-users.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** What user JSON in webhook events depends on besides the record. */
export interface UserEventOptions {
  /** Public origin of the instance, for image URLs. */
  publicUrl: string;
  /** Failed verification attempts allowed before a lockout. */
  maxVerificationAttempts: number;
}

/** Emits the `user.*` events of the store, each inside the caller's transaction. */
export interface UserEvents {
  /**
   * Loads the user inside `tx`, writes `user.created` / `user.updated` with its JSON and returns
   * the record. Throws `resource_not_found` when the user does not exist.
   */
  emitUser(
    tx: Queryable,
    type: "user.created" | "user.updated",
    userId: string,
  ): Promise<UserRecord>;
  /** The user's wire JSON as events carry it (loaded inside `tx`); null when the user is gone. */
  userEventJson(tx: Queryable, userId: string): Promise<ReturnType<typeof userJson> | null>;
  /** Writes `user.deleted` with `{ object: "user", id, deleted: true, external_id? }`. */
  emitUserDeleted(tx: Queryable, userId: string, externalId: string | null): Promise<void>;
}

/** Builds the `user.*` event writers over the store's outbox emitter. */
export function createUserEvents(context: SqlStoreContext, options: UserEventOptions): UserEvents {
  const toJson = (user: UserRecord) =>
    userJson(user, {
      baseUrl: options.publicUrl,
      now: context.clock.now(),
      maxVerificationAttempts: options.maxVerificationAttempts,
    });
  return {
    async emitUser(tx, type, userId) {
      const user = await loadUser(tx, userId);
      if (user === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
      await context.emit(tx, type, toJson(user));
      return user;
    },
    async userEventJson(tx, userId) {
      const user = await loadUser(tx, userId);
      return user === null ? null : toJson(user);
    },
    async emitUserDeleted(tx, userId, externalId) {
      await context.emit(tx, "user.deleted", deletedObjectJson("user", userId, { externalId }));
    },
  };
}
