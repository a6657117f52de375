/** The admin console's part of the {@link Store}: its sessions and its audit log. */

/** A signed-in console session (found by the SHA-256 of its cookie). */
export interface ConsoleSessionRecord {
  tokenHash: string;
  /** Who signed in, as the audit log names them (e.g. `Ada (console password)`). */
  actor: string;
  /** How: `secret_key` or `password`. */
  method: "secret_key" | "password";
  createdAt: number;
  lastSeenAt: number;
}

/** One line of the audit log: a change made through the console, or a console sign-in. */
export interface ConsoleAuditRecord {
  id: string;
  actor: string;
  /** What was done, e.g. `user.ban`, `organization.invite`, `console.sign_in_failed`. */
  action: string;
  /** The object changed (`user_…`, `org_…`), when there is one. */
  targetId: string | null;
  /** What the change was (never a secret). */
  detail: Record<string, unknown>;
  /** The address the request came from, when known. */
  address: string | null;
  createdAt: number;
}

/** A line to add to the audit log. */
export type NewConsoleAuditRecord = Omit<ConsoleAuditRecord, "id" | "createdAt">;

/** When a console session ends. */
export interface ConsoleSessionLimits {
  /** Milliseconds without a request after which the session is over. */
  idleMs: number;
  /** Milliseconds after sign-in after which the session is over, however busy. */
  absoluteMs: number;
}

export interface ConsoleStore {
  createConsoleSession(session: Omit<ConsoleSessionRecord, "lastSeenAt">): Promise<void>;
  /**
   * The session with this token hash if it is still live (within both limits at `now`), marked
   * seen at `now` in the same statement; null otherwise (also when it has ended: it is then
   * deleted).
   */
  touchConsoleSession(
    tokenHash: string,
    now: number,
    limits: ConsoleSessionLimits,
  ): Promise<ConsoleSessionRecord | null>;
  deleteConsoleSession(tokenHash: string): Promise<void>;
  recordConsoleAudit(entry: NewConsoleAuditRecord): Promise<ConsoleAuditRecord>;
  /** The audit log, the latest line first, with the total count. */
  listConsoleAudit(page: {
    limit: number;
    offset: number;
  }): Promise<{ entries: ConsoleAuditRecord[]; total: number }>;
}
