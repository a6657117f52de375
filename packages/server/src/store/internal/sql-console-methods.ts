import type { ConsoleAuditRecord, ConsoleSessionRecord, ConsoleStore } from "../console-store.js";
import type { Row } from "../database.js";
import { metadataOf, stringOrNull } from "./row-values.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function sessionFromRow(row: Row): ConsoleSessionRecord {
  return {
    tokenHash: String(row.token_hash),
    actor: String(row.actor),
    method: String(row.method) === "password" ? "password" : "secret_key",
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
  };
}

function auditFromRow(row: Row): ConsoleAuditRecord {
  return {
    id: String(row.id),
    actor: String(row.actor),
    action: String(row.action),
    targetId: stringOrNull(row.target_id),
    detail: metadataOf(row.detail),
    address: stringOrNull(row.address),
    createdAt: Number(row.created_at),
  };
}

/** The SQL implementation of {@link ConsoleStore}. */
export function sqlConsoleMethods({ db, clock, ids }: SqlStoreContext): ConsoleStore {
  return {
    async createConsoleSession(session) {
      await db.query(
        `INSERT INTO console_sessions (token_hash, actor, method, created_at, last_seen_at)
           VALUES ($1, $2, $3, $4, $4)`,
        [session.tokenHash, session.actor, session.method, session.createdAt],
      );
    },
    async touchConsoleSession(tokenHash, now, limits) {
      const rows = await db.query(
        `UPDATE console_sessions SET last_seen_at = $2
           WHERE token_hash = $1 AND last_seen_at > $3 AND created_at > $4
           RETURNING *`,
        [tokenHash, now, now - limits.idleMs, now - limits.absoluteMs],
      );
      const row = rows[0];
      if (row !== undefined) return sessionFromRow(row);
      // Ended (or never was): nothing of it is kept.
      await db.query("DELETE FROM console_sessions WHERE token_hash = $1", [tokenHash]);
      return null;
    },
    async deleteConsoleSession(tokenHash) {
      await db.query("DELETE FROM console_sessions WHERE token_hash = $1", [tokenHash]);
    },
    async recordConsoleAudit(entry) {
      const rows = await db.query(
        `INSERT INTO console_audit_log (id, actor, action, target_id, detail, address, created_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING *`,
        [
          ids("caud"),
          entry.actor,
          entry.action,
          entry.targetId,
          JSON.stringify(entry.detail),
          entry.address,
          clock.now(),
        ],
      );
      const row = rows[0];
      if (row === undefined) throw new Error("console audit insert returned no row");
      return auditFromRow(row);
    },
    async listConsoleAudit({ limit, offset }) {
      const [rows, counted] = await Promise.all([
        db.query(`SELECT * FROM console_audit_log ORDER BY seq DESC LIMIT $1 OFFSET $2`, [
          limit,
          offset,
        ]),
        db.query<{ total: string | number }>("SELECT count(*) AS total FROM console_audit_log"),
      ]);
      return { entries: rows.map(auditFromRow), total: Number(counted[0]?.total ?? 0) };
    },
  };
}
