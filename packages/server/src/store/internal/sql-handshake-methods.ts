import type { HandshakeStore } from "../handshake-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** The handshake part of the SQL store. */
export function sqlHandshakeMethods({ db }: SqlStoreContext): HandshakeStore {
  return {
    async saveHandshakePayload({ nonceHash, directives, expireAt }) {
      await db.query(
        "INSERT INTO handshake_payloads (nonce_hash, directives, expire_at) VALUES ($1, $2::jsonb, $3)",
        [nonceHash, JSON.stringify(directives), expireAt],
      );
    },

    async takeHandshakePayload(nonceHash, now) {
      const rows = await db.query(
        "DELETE FROM handshake_payloads WHERE nonce_hash = $1 RETURNING directives, expire_at",
        [nonceHash],
      );
      const row = rows[0];
      if (row === undefined || Number(row.expire_at) <= now) return null;
      const directives =
        typeof row.directives === "string" ? JSON.parse(row.directives) : row.directives;
      return Array.isArray(directives) ? directives.map(String) : null;
    },

    async deleteExpiredHandshakePayloads(now) {
      const rows = await db.query(
        "DELETE FROM handshake_payloads WHERE expire_at <= $1 RETURNING nonce_hash",
        [now],
      );
      return rows.length;
    },
  };
}
