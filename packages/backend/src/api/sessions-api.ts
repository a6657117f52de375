import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type PaginatedResourceResponse, paginatedListSchema } from "./resources/paginated-list.js";
import { type Session, sessionSchema } from "./resources/session.js";
import { type Token, tokenSchema } from "./resources/token.js";

/** Status of a session. */
export type SessionStatus =
  | "active"
  | "revoked"
  | "ended"
  | "expired"
  | "removed"
  | "abandoned"
  | "replaced"
  | "pending";

/** Params of `sessions.getSessionList`; give `clientId` or `userId`. */
export interface SessionListParams {
  clientId?: string;
  userId?: string;
  status?: SessionStatus;
  limit?: number;
  offset?: number;
}

/** Params of `sessions.createSession` (testing instances only). */
export interface CreateSessionParams {
  userId: string;
  activeOrganizationId?: string;
}

/** The `sessions` resource of the Backend API client. */
export interface SessionsApi {
  /** Lists sessions of a client or a user. */
  getSessionList(params?: SessionListParams): Promise<PaginatedResourceResponse<Session>>;
  /** Fetches one session by id. */
  getSession(sessionId: string): Promise<Session>;
  /** Creates an active session for a user (testing instances only). */
  createSession(params: CreateSessionParams): Promise<Session>;
  /** Revokes a session. */
  revokeSession(sessionId: string): Promise<Session>;
  /**
   * Asks the Backend API whether `token` is a valid token of the session, as
   * `POST /sessions/{id}/verify` (Clerk's deprecated route, not in its spec). A Latchkey instance
   * answers 410 `use_verify_token`: the method is kept so code written against Clerk compiles and
   * fails with a coded error that names the replacement.
   *
   * @deprecated Verify the token where it arrives, without a network call: `verifyToken` (or its
   *   older name `verifySessionToken`), or `authenticateRequest`.
   */
  verifySession(sessionId: string, token: string): Promise<Session>;
  /**
   * Mints a session token, or a token from the named JWT template, optionally with a custom
   * lifetime in seconds.
   */
  getToken(sessionId: string, template?: string, expiresInSeconds?: number): Promise<Token>;
}

const sessionPageSchema = paginatedListSchema(sessionSchema);

/**
 * Creates the `sessions` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * const { jwt } = await createSessionsApi(request).getToken("sess_123", "supabase");
 * ```
 */
export function createSessionsApi(request: BackendApiRequest): SessionsApi {
  return {
    getSessionList: async (params = {}) =>
      request({
        method: "GET",
        path: "/sessions",
        query: { ...params, paginated: true },
        schema: sessionPageSchema,
      }),
    getSession: async (sessionId) =>
      request({ method: "GET", path: apiPath`/sessions/${sessionId}`, schema: sessionSchema }),
    createSession: async (params) =>
      request({ method: "POST", path: "/sessions", body: params, schema: sessionSchema }),
    revokeSession: async (sessionId) =>
      request({
        method: "POST",
        path: apiPath`/sessions/${sessionId}/revoke`,
        schema: sessionSchema,
      }),
    verifySession: async (sessionId, token) =>
      request({
        method: "POST",
        path: apiPath`/sessions/${sessionId}/verify`,
        body: { token },
        schema: sessionSchema,
      }),
    async getToken(sessionId, template, expiresInSeconds) {
      const path = template
        ? apiPath`/sessions/${sessionId}/tokens/${template}`
        : apiPath`/sessions/${sessionId}/tokens`;
      return request({
        method: "POST",
        path,
        body: expiresInSeconds === undefined ? undefined : { expiresInSeconds },
        schema: tokenSchema,
      });
    },
  };
}
