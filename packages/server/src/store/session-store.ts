/**
 * The clients-and-sessions part of the {@link Store}: a client (one browser or device) holds
 * sessions (their `session.*` events are raised by the flows in `flows/sessions`).
 */
import type { UserRecord } from "./store.js";

/** Statuses a session can have, as Clerk names them. */
export const SESSION_STATUSES = [
  "active",
  "revoked",
  "ended",
  "expired",
  "removed",
  "abandoned",
  "replaced",
  "pending",
] as const;

export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * A session as the store returns it. `status` is the effective status: an active session past
 * `expireAt` reads as `expired`, past `abandonAt` as `abandoned`.
 */
export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: SessionStatus;
  /** The impersonating actor (`{ sub, … }`), or null. */
  actor: Record<string, unknown> | null;
  lastActiveOrganizationId: string | null;
  lastActiveAt: number;
  /** When the first factor was verified (for the token's `fva` claim). */
  firstFactorVerifiedAt: number;
  /** When a second factor was verified, or null. */
  secondFactorVerifiedAt: number | null;
  expireAt: number;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

/** What decides whether a user may be issued tokens now: banned, or locked (until `lockoutExpiresAt`). */
export type UserStanding = Pick<UserRecord, "id" | "banned" | "lockedAt" | "lockoutExpiresAt">;

/** A client and its sessions (oldest first). */
export interface ClientRecord {
  id: string;
  sessions: SessionRecord[];
  /**
   * The standing of its sessions' users, read with the client in the same round trip, so that a
   * token for one of its sessions is refused or issued without reading the session again.
   */
  userStandings: UserStanding[];
  lastActiveSessionId: string | null;
  signInId: string | null;
  signUpId: string | null;
  lastAuthenticationStrategy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Input of {@link SessionStore.createSessionForUser}. */
export interface NewSession {
  userId: string;
  /** An existing client to add the session to; a new client is created when absent. */
  clientId?: string;
  /** When the session expires (its maximum lifetime). */
  expireAt: number;
  /** When the session is abandoned (inactivity limit). */
  abandonAt: number;
  activeOrganizationId?: string | null;
  actor?: Record<string, unknown> | null;
  /** Default: now. */
  firstFactorVerifiedAt?: number;
  secondFactorVerifiedAt?: number | null;
  /** Strategy recorded on the client (`last_authentication_strategy`). */
  authenticationStrategy?: string | null;
}

/** The statuses that end an active session: revoked (by the Backend API), ended (signed out), removed. */
export type EndedSessionStatus = "revoked" | "ended" | "removed";

/** Filters of `GET /v1/sessions`; different filters are AND'd. */
export interface SessionFilter {
  clientId?: string;
  userId?: string;
  status?: SessionStatus;
}

/** Paging of session lists (newest first). */
export interface SessionPage {
  limit: number;
  offset: number;
}

export interface SessionStore {
  /**
   * Inserts an active session for a user (and a client when `clientId` is absent), makes it the
   * client's last active session and records the sign-in on the user. No event:
   * `flows/sessions/create-session.ts` raises `session.created`.
   * @throws `resource_not_found` (`user_id` or `client_id`) when they do not exist
   */
  insertSession(input: NewSession): Promise<SessionRecord>;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /**
   * A session and its user, read together in one round trip (user null when it is gone); null
   * when there is no such session.
   */
  getSessionWithUser(
    sessionId: string,
  ): Promise<{ session: SessionRecord; user: UserRecord | null } | null>;
  listSessions(filter: SessionFilter, page: SessionPage): Promise<SessionRecord[]>;
  countSessions(filter: SessionFilter): Promise<number>;
  /** Locks the session until the transaction ends (inside `Store.transaction`); null when missing. */
  lockSession(sessionId: string): Promise<SessionRecord | null>;
  /**
   * Sets a session's stored status (see `flows/sessions/end-session.ts` for when).
   * @throws `resource_not_found` (`session_id`)
   */
  setSessionStatus(sessionId: string, status: EndedSessionStatus): Promise<SessionRecord>;
  /**
   * Records activity on an active session (`last_active_at`, the client's last active session and
   * the user's `last_active_at`).
   * @throws `resource_not_found` (`session_id`)
   */
  touchSession(sessionId: string): Promise<SessionRecord>;
  /**
   * Sets the session's active organization (null clears it).
   * @throws `resource_not_found` (`session_id`)
   */
  setSessionActiveOrganization(
    sessionId: string,
    organizationId: string | null,
  ): Promise<SessionRecord>;
  getClient(clientId: string): Promise<ClientRecord | null>;
}
