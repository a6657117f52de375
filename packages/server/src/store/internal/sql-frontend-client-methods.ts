import { ApiError } from "../../errors/api-error.js";
import type { FrontendStore } from "../frontend-store.js";
import type { ClientRecord } from "../session-store.js";
import { loadClient } from "./sql-session-methods.js";
import type { SqlStoreContext } from "./sql-store-context.js";

type ClientMethods = Pick<
  FrontendStore,
  "createClient" | "getClientByTokenHash" | "rotateClientToken" | "setClientAttempts"
>;

/**
 * Client tokens of the Frontend API: a client is found by the SHA-256 digest of its token, never
 * by the token itself; it loads with its sessions in one round trip (see {@link loadClient}).
 * `getClient` is the session store's loader (client with its sessions).
 */
export function sqlFrontendClientMethods(
  { db, clock, ids }: SqlStoreContext,
  getClient: (clientId: string) => Promise<ClientRecord | null>,
): ClientMethods {
  return {
    async createClient({ tokenHash }) {
      const id = ids("client");
      await db.query(
        "INSERT INTO clients (id, token_hash, created_at, updated_at) VALUES ($1, $2, $3, $3)",
        [id, tokenHash, clock.now()],
      );
      const client = await getClient(id);
      if (client === null) throw new ApiError("resource_not_found", { paramName: "client_id" });
      return client;
    },

    getClientByTokenHash: (tokenHash) => loadClient(db, "token_hash", tokenHash, clock.now()),

    async rotateClientToken(clientId, tokenHash) {
      const rows = await db.query(
        "UPDATE clients SET token_hash = $2, updated_at = $3 WHERE id = $1 RETURNING id",
        [clientId, tokenHash, clock.now()],
      );
      if (rows.length === 0) throw new ApiError("resource_not_found", { paramName: "client_id" });
    },

    async setClientAttempts(clientId, attempts) {
      const sets: string[] = ["updated_at = $2"];
      const values: unknown[] = [clientId, clock.now()];
      if (attempts.signInId !== undefined) {
        values.push(attempts.signInId);
        sets.push(`sign_in_id = $${values.length}`);
      }
      if (attempts.signUpId !== undefined) {
        values.push(attempts.signUpId);
        sets.push(`sign_up_id = $${values.length}`);
      }
      await db.query(`UPDATE clients SET ${sets.join(", ")} WHERE id = $1`, values);
    },
  };
}
