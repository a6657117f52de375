import { ApiError } from "../../errors/api-error.js";
import { mintSessionTokenForRequest } from "../../flows/sessions/mint-session-token-for-request.js";
import {
  checkSessionIssuable,
  mayBeIssuedTokens,
} from "../../flows/sessions/require-active-session.js";
import type { ClientSessionContext } from "../../flows/sign-in/start-session-on-client.js";
import type { ClientRecord, SessionRecord, UserStanding } from "../../store/session-store.js";
import type { RouteServices } from "../define-route.js";
import { hashClientToken, newClientToken } from "./client-token.js";
import {
  CLIENT_COOKIE,
  CLIENT_UAT_COOKIE,
  LONG_COOKIE_MAX_AGE_SECONDS,
  SESSION_COOKIE,
  serializeCookie,
} from "./frontend-cookies.js";
import { loadFrontendClient } from "./load-frontend-client.js";

/** The standing of a session's user, as read with its client. */
function standingOf(client: ClientRecord, session: SessionRecord): UserStanding | undefined {
  return client.userStandings.find((user) => user.id === session.userId);
}

/** How the request presented its client token. */
export type ClientCredentialSource = "cookie" | "header" | null;

/**
 * The requesting client of one Frontend API request and what the answer must carry back: the
 * `Set-Cookie` headers (`__client`, `__session`, `__client_uat`) for browsers, or the client token
 * in the `Authorization` response header for native callers.
 */
export class FrontendRequest {
  /** The client the request's token stands for (null: none, or an unknown/rotated token). */
  client: ClientRecord | null;
  readonly credentialSource: ClientCredentialSource;
  private readonly cookies = new Map<string, string>();
  private issuedToken: string | null = null;
  /** Session tokens minted during this request, by session id (`last_active_token`). */
  readonly mintedTokens = new Map<string, string>();

  constructor(
    private readonly services: RouteServices & {
      baseUrl: string;
      imageBaseUrl: string;
      request: Request;
    },
    client: ClientRecord | null,
    credentialSource: ClientCredentialSource,
    private readonly secure: boolean,
  ) {
    this.client = client;
    this.credentialSource = credentialSource;
  }

  /** The current client, or a new one (its token is set as `__client`). */
  async ensureClient(): Promise<ClientRecord> {
    if (this.client !== null) return this.client;
    const token = newClientToken();
    this.client = await this.services.store.createClient({ tokenHash: hashClientToken(token) });
    this.issueClientToken(token);
    return this.client;
  }

  /**
   * The current client.
   * @throws `signed_out` (401) when the request has none
   */
  requireClient(): ClientRecord {
    if (this.client === null) throw new ApiError("signed_out");
    return this.client;
  }

  /** Reloads the client (after its sessions or attempts changed). */
  async reloadClient(): Promise<ClientRecord | null> {
    if (this.client === null) return null;
    this.client = await this.services.store.getClient(this.client.id);
    return this.client;
  }

  /**
   * The requesting client as it stands now (reloaded: a route may have changed its sessions or
   * attempts), as the Frontend API's JSON; null when the request has none.
   */
  async clientJson(): Promise<unknown> {
    const current = await this.reloadClient();
    if (current === null) return null;
    await this.mintMissingTokens(current);
    const { store, clock, settings, imageBaseUrl } = this.services;
    return loadFrontendClient(
      { store, imageBaseUrl, now: clock.now(), settings },
      current,
      this.mintedTokens,
    );
  }

  /** A session of the requesting client, by id. @throws `resource_not_found` (`session_id`) */
  requireOwnSession(sessionId: string): SessionRecord {
    const session = this.requireClient().sessions.find((s) => s.id === sessionId);
    if (session === undefined)
      throw new ApiError("resource_not_found", { paramName: "session_id" });
    return session;
  }

  /**
   * A session of the requesting client that may be issued tokens now (active; its user neither
   * banned nor locked), judged on the client as this request read it from the database: no
   * second read, nothing remembered between requests.
   * @throws `signed_out` (no client), `resource_not_found` (`session_id`: not the client's),
   *   `session_not_active`
   */
  requireOwnActiveSession(sessionId: string, now: number): SessionRecord {
    const session = this.requireOwnSession(sessionId);
    return checkSessionIssuable(session, standingOf(this.requireClient(), session), now).session;
  }

  /**
   * Runs a flow that may sign a user in on this client. The flow gets the store, the time, the
   * session lifetimes and the digest of a fresh client token to replace the client's own (so a
   * token planted before sign-in is worthless after it). When the flow started a session, the
   * answer carries the new token (`__client`, or `Authorization` for native callers), the
   * session's token (`__session`) and `__client_uat`.
   *
   * @example
   * const { signUp } = await auth.signingIn((flow) => completeSignUpIfReady(flow, signUp));
   */
  async signingIn<T extends { session: SessionRecord | null }>(
    flow: (context: ClientSessionContext) => Promise<T>,
  ): Promise<T> {
    const { store, clock, settings } = this.services;
    const token = newClientToken();
    const result = await flow({
      store,
      now: clock.now(),
      settings,
      clientTokenHash: hashClientToken(token),
    });
    if (result.session !== null) {
      this.issueClientToken(token);
      await this.reloadClient();
      this.setSessionToken(result.session.id, await this.mintToken(result.session));
      const seconds = Math.floor(clock.now() / 1000);
      this.setCookie(CLIENT_UAT_COOKIE, String(seconds), LONG_COOKIE_MAX_AGE_SECONDS);
    }
    return result;
  }

  /**
   * Mints a session token for an active session: `azp` is the request's `Origin`, or the given
   * authorized party (a handshake is a navigation without `Origin`; it names the app's origin).
   */
  async mintToken(session: SessionRecord, authorizedParty?: string): Promise<string> {
    const { clock, settings } = this.services;
    return mintSessionTokenForRequest(this.services, session, {
      now: clock.now(),
      lifetimeSeconds: settings.sessionTokenLifetimeSeconds,
      ...(authorizedParty === undefined ? {} : { authorizedParty }),
    });
  }

  /**
   * Mints a token for each active session of the client that has none from this request, so every
   * client answer carries `last_active_token` as Clerk's does (clerk-js drops its `__session` cookie
   * when an answer's session has none). No cookie is set; sessions whose user may not be issued
   * tokens (banned, locked) get none.
   */
  private async mintMissingTokens(client: ClientRecord): Promise<void> {
    const now = this.services.clock.now();
    for (const session of client.sessions) {
      if (session.status !== "active" || this.mintedTokens.has(session.id)) continue;
      const standing = standingOf(client, session);
      if (standing !== undefined && mayBeIssuedTokens(standing, now))
        this.mintedTokens.set(session.id, await this.mintToken(session));
    }
  }

  /** Sets `__session` on the answer (and remembers the token as the session's latest). */
  setSessionToken(sessionId: string, jwt: string): void {
    this.mintedTokens.set(sessionId, jwt);
    this.setCookie(SESSION_COOKIE, jwt);
  }

  /** After signing out: `__session` cleared, `__client_uat=0`. */
  signedOut(): void {
    this.setCookie(SESSION_COOKIE, "", 0);
    this.setCookie(CLIENT_UAT_COOKIE, "0", LONG_COOKIE_MAX_AGE_SECONDS);
  }

  /** Adds the answer's cookies (and, for native callers, the client token header) to a response. */
  apply(response: Response): Response {
    for (const value of this.cookies.values()) response.headers.append("Set-Cookie", value);
    if (this.issuedToken !== null && this.credentialSource === "header") {
      response.headers.set("Authorization", this.issuedToken);
    }
    return response;
  }

  private issueClientToken(token: string): void {
    this.issuedToken = token;
    this.cookies.set(
      CLIENT_COOKIE,
      serializeCookie(CLIENT_COOKIE, token, {
        httpOnly: true,
        secure: this.secure,
        maxAge: LONG_COOKIE_MAX_AGE_SECONDS,
      }),
    );
  }

  private setCookie(name: string, value: string, maxAge?: number): void {
    this.cookies.set(
      name,
      serializeCookie(name, value, {
        secure: this.secure,
        ...(maxAge === undefined ? {} : { maxAge }),
      }),
    );
  }
}
