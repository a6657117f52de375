import { ApiError } from "../../errors/api-error.js";
import type { Queryable } from "../database.js";
import type { UserRecord } from "../store.js";
import { loadUser } from "./load-users.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** Raises the `user.*` events of the store, each inside the caller's transaction. */
export interface UserEvents {
  /**
   * Loads the user inside `tx`, raises `user.created` / `user.updated` with it and returns the
   * record. Throws `resource_not_found` when the user does not exist.
   */
  emitUser(
    tx: Queryable,
    type: "user.created" | "user.updated",
    userId: string,
  ): Promise<UserRecord>;
  /** Raises `user.deleted` for a user that was just deleted. */
  emitUserDeleted(tx: Queryable, userId: string, externalId: string | null): Promise<void>;
}

/** Builds the `user.*` event raisers over the store's outbox. */
export function createUserEvents(context: SqlStoreContext): UserEvents {
  return {
    async emitUser(tx, type, userId) {
      const user = await loadUser(tx, userId);
      if (user === null) throw new ApiError("resource_not_found", { paramName: "user_id" });
      await context.emit(tx, { type, user });
      return user;
    },
    emitUserDeleted: (tx, userId, externalId) =>
      context.emit(tx, { type: "user.deleted", userId, externalId }),
  };
}
