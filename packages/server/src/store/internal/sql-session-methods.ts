import { ApiError } from "../../errors/api-error.js";
import type { Queryable, Row } from "../database.js";
import type {
  ClientRecord,
  SessionFilter,
  SessionRecord,
  SessionStatus,
  SessionStore,
} from "../session-store.js";
import { effectiveSessionStatus, effectiveSessionStatusSql } from "./effective-session-status.js";
import { LOADED_USER_COLUMNS, loadedUserFromRow } from "./load-users.js";
import { jsonRow, jsonRows, numberOrNull, stringOrNull } from "./row-values.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function sessionFromRow(row: Row, now: number): SessionRecord {
  const expireAt = Number(row.expire_at);
  const abandonAt = Number(row.abandon_at);
  const actor = row.actor;
  return {
    id: String(row.id),
    clientId: String(row.client_id),
    userId: String(row.user_id),
    status: effectiveSessionStatus(
      String(row.status) as SessionStatus,
      { expireAt, abandonAt },
      now,
    ),
    actor:
      typeof actor === "object" && actor !== null && !Array.isArray(actor)
        ? (actor as Record<string, unknown>)
        : null,
    lastActiveOrganizationId: stringOrNull(row.last_active_organization_id),
    lastActiveAt: Number(row.last_active_at),
    firstFactorVerifiedAt: Number(row.first_factor_verified_at),
    secondFactorVerifiedAt: numberOrNull(row.second_factor_verified_at),
    expireAt,
    abandonAt,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function filterSql(filter: SessionFilter, params: SqlParams, now: number): string {
  const conditions = ["TRUE"];
  if (filter.clientId !== undefined)
    conditions.push(`s.client_id = ${params.add(filter.clientId)}`);
  if (filter.userId !== undefined) conditions.push(`s.user_id = ${params.add(filter.userId)}`);
  if (filter.status !== undefined) {
    conditions.push(`${effectiveSessionStatusSql(params.add(now))} = ${params.add(filter.status)}`);
  }
  return conditions.join(" AND ");
}

/**
 * Loads a client with its sessions (oldest first) and the standing of their users in one round
 * trip, both aggregated as JSON in the client query; by id or by the digest of its token. Null
 * when there is none.
 */
export async function loadClient(
  q: Queryable,
  by: "id" | "token_hash",
  value: string,
  now: number,
): Promise<ClientRecord | null> {
  const rows = await q.query(
    `SELECT c.*, (SELECT coalesce(json_agg(s ORDER BY s.created_at, s.seq), '[]'::json)
       FROM sessions s WHERE s.client_id = c.id) AS client_sessions,
     (SELECT coalesce(json_agg(json_build_object('id', u.id, 'banned', u.banned,
         'locked_at', u.locked_at, 'lockout_expires_at', u.lockout_expires_at)), '[]'::json)
       FROM users u WHERE u.id IN (SELECT s.user_id FROM sessions s WHERE s.client_id = c.id))
       AS session_users
     FROM clients c WHERE c.${by} = $1`,
    [value],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: String(row.id),
    sessions: jsonRows(row.client_sessions).map((session) => sessionFromRow(session, now)),
    userStandings: jsonRows(row.session_users).map((user) => ({
      id: String(user.id),
      banned: Boolean(user.banned),
      lockedAt: numberOrNull(user.locked_at),
      lockoutExpiresAt: numberOrNull(user.lockout_expires_at),
    })),
    lastActiveSessionId: stringOrNull(row.last_active_session_id),
    signInId: stringOrNull(row.sign_in_id),
    signUpId: stringOrNull(row.sign_up_id),
    lastAuthenticationStrategy: stringOrNull(row.last_authentication_strategy),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The clients-and-sessions part of the SQL store. */
export function sqlSessionMethods({ db, clock, ids }: SqlStoreContext): SessionStore {
  const loadSession = async (q: Queryable, id: string, lock = false) => {
    const rows = await q.query(
      `SELECT * FROM sessions s WHERE s.id = $1${lock ? " FOR UPDATE" : ""}`,
      [id],
    );
    return rows[0] === undefined ? null : sessionFromRow(rows[0], clock.now());
  };

  const requireSession = async (q: Queryable, id: string, lock = false) => {
    const session = await loadSession(q, id, lock);
    if (session === null) throw new ApiError("resource_not_found", { paramName: "session_id" });
    return session;
  };

  return {
    insertSession: (input) =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const users = await tx.query("SELECT id FROM users WHERE id = $1", [input.userId]);
        if (users.length === 0) {
          throw new ApiError("resource_not_found", { paramName: "user_id" });
        }
        let clientId = input.clientId;
        if (clientId === undefined) {
          clientId = ids("client");
          await tx.query("INSERT INTO clients (id, created_at, updated_at) VALUES ($1, $2, $2)", [
            clientId,
            now,
          ]);
        } else {
          const clients = await tx.query("SELECT id FROM clients WHERE id = $1 FOR UPDATE", [
            clientId,
          ]);
          if (clients.length === 0) {
            throw new ApiError("resource_not_found", { paramName: "client_id" });
          }
        }
        const sessionId = ids("sess");
        await tx.query(
          `INSERT INTO sessions (id, client_id, user_id, status, actor, last_active_organization_id,
             last_active_at, first_factor_verified_at, second_factor_verified_at, expire_at,
             abandon_at, created_at, updated_at)
           VALUES ($1, $2, $3, 'active', $4::jsonb, $5, $6, $7, $8, $9, $10, $6, $6)`,
          [
            sessionId,
            clientId,
            input.userId,
            input.actor == null ? null : JSON.stringify(input.actor),
            input.activeOrganizationId ?? null,
            now,
            input.firstFactorVerifiedAt ?? now,
            input.secondFactorVerifiedAt ?? null,
            input.expireAt,
            input.abandonAt,
          ],
        );
        await tx.query(
          `UPDATE clients SET last_active_session_id = $2, updated_at = $3,
             last_authentication_strategy = COALESCE($4, last_authentication_strategy)
           WHERE id = $1`,
          [clientId, sessionId, now, input.authenticationStrategy ?? null],
        );
        await tx.query("UPDATE users SET last_sign_in_at = $2, last_active_at = $2 WHERE id = $1", [
          input.userId,
          now,
        ]);
        return requireSession(tx, sessionId);
      }),

    getSession: (sessionId) => loadSession(db, sessionId),

    async listSessions(filter, page) {
      const params = new SqlParams();
      const where = filterSql(filter, params, clock.now());
      const rows = await db.query(
        `SELECT * FROM sessions s WHERE ${where} ORDER BY s.created_at DESC, s.seq DESC
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      const now = clock.now();
      return rows.map((row) => sessionFromRow(row, now));
    },

    async countSessions(filter) {
      const params = new SqlParams();
      const rows = await db.query<{ total: number }>(
        `SELECT count(*) AS total FROM sessions s WHERE ${filterSql(filter, params, clock.now())}`,
        params.values,
      );
      return Number(rows[0]?.total ?? 0);
    },

    lockSession: (sessionId) => loadSession(db, sessionId, true),

    async setSessionStatus(sessionId, status) {
      await db.query("UPDATE sessions SET status = $2, updated_at = $3 WHERE id = $1", [
        sessionId,
        status,
        clock.now(),
      ]);
      return requireSession(db, sessionId);
    },

    touchSession: (sessionId) =>
      db.transaction(async (tx) => {
        const session = await requireSession(tx, sessionId, true);
        if (session.status !== "active") return session;
        const now = clock.now();
        await tx.query("UPDATE sessions SET last_active_at = $2, updated_at = $2 WHERE id = $1", [
          sessionId,
          now,
        ]);
        await tx.query(
          "UPDATE clients SET last_active_session_id = $2, updated_at = $3 WHERE id = $1",
          [session.clientId, sessionId, now],
        );
        await tx.query("UPDATE users SET last_active_at = $2 WHERE id = $1", [session.userId, now]);
        return requireSession(tx, sessionId);
      }),

    setSessionActiveOrganization: (sessionId, organizationId) =>
      db.transaction(async (tx) => {
        await requireSession(tx, sessionId, true);
        await tx.query(
          "UPDATE sessions SET last_active_organization_id = $2, updated_at = $3 WHERE id = $1",
          [sessionId, organizationId, clock.now()],
        );
        return requireSession(tx, sessionId);
      }),

    async getSessionWithUser(sessionId) {
      const rows = await db.query(
        `SELECT to_json(s) AS session_row, ${LOADED_USER_COLUMNS}
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
        [sessionId],
      );
      const row = rows[0];
      const sessionRow = row === undefined ? null : jsonRow(row.session_row);
      if (row === undefined || sessionRow === null) return null;
      return {
        session: sessionFromRow(sessionRow, clock.now()),
        user: row.id === null ? null : loadedUserFromRow(row),
      };
    },

    getClient: (clientId) => loadClient(db, "id", clientId, clock.now()),
  };
}
