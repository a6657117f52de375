import type { JwtPayload } from "@latchkey/backend";
import { LatchkeyClientError } from "../latchkey-client-error.js";
import type {
  CreateOrganizationParams,
  SetActiveParams,
  SignOutOptions,
} from "./clerk-action-params.js";
import { buildClerkState, type ClerkState } from "./clerk-state.js";
import {
  createFrontendApiClient,
  type FormParams,
  type FrontendApiClient,
  FrontendApiResponseError,
  type HttpMethod,
} from "./frontend-api-client.js";
import { currentHref, type Navigation, safeRedirectUrl, withRedirectUrl } from "./navigation.js";
import type {
  ClientJson,
  EnvironmentJson,
  OrganizationJson,
  OrganizationMembershipJson,
  SessionJson,
} from "./resources/fapi-json.js";
import {
  type OrganizationMembershipResource,
  type OrganizationResource,
  organizationMembershipResource,
  organizationResource,
} from "./resources/organization-resource.js";
import type { GetTokenOptions, ResourceHost } from "./resources/resource-host.js";
import { type SessionResource, sessionResource } from "./resources/session-resource.js";
import type { UserResource } from "./resources/user-resource.js";
import { SessionTokenCache } from "./session-token-cache.js";

/** Options of the provider's core. */
export interface LatchkeyClerkOptions {
  /** Frontend API base (default `/__clerk`, the app's proxy). */
  frontendApi?: string;
  fetch?: typeof fetch;
  navigation: Navigation;
  signInUrl: string;
  signUpUrl: string;
  afterSignOutUrl?: string;
  /** Clock for the token cache (epoch ms). */
  now?: () => number;
}

/**
 * The provider's core: holds the client, active session and organization, talks to the Frontend
 * API and publishes immutable snapshots to React (`subscribe` + `getState`, for
 * `useSyncExternalStore`). One per `<ClerkProvider>`.
 */
export class LatchkeyClerk {
  readonly fapi: FrontendApiClient;
  readonly options: LatchkeyClerkOptions;
  private state: ClerkState;
  private clientJson: ClientJson | null = null;
  private activeSessionId: string | null = null;
  private claims: JwtPayload | null = null;
  private environment: EnvironmentJson | null = null;
  private memberships = new Map<string, OrganizationMembershipResource>();
  private membershipsLoaded = false;
  private loaded = false;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly tokens = new SessionTokenCache(() => this.now());
  private readonly host: ResourceHost;

  constructor(options: LatchkeyClerkOptions) {
    this.options = options;
    this.fapi = createFrontendApiClient({
      baseUrl: options.frontendApi ?? "/__clerk",
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    this.host = {
      call: (method, path, params) => this.call(method, path, params),
      getToken: (sessionId, tokenOptions) => this.getToken(sessionId, tokenOptions),
      reloadClient: () => this.reloadClient(),
      windowNavigate: (url) => this.options.navigation.assign(url),
    };
    this.state = this.build();
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot. */
  getState = (): ClerkState => this.state;

  /** Loads the environment and the client once (later calls share the first load). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const [environment, client] = await Promise.all([
        this.fapi.requestBare<EnvironmentJson>("GET", "/v1/environment").catch(() => null),
        this.fapi.request<ClientJson | null>("GET", "/v1/client"),
      ]);
      this.environment = environment;
      this.clientJson = client.response ?? client.client;
      this.activeSessionId = this.pickActiveSession(this.activeSessionId);
      this.absorbMemberships();
      this.loaded = true;
      this.publish();
      const sessionId = this.activeSessionId;
      // Learn the active organization's role and permissions from a fresh token.
      if (sessionId !== null) await this.getToken(sessionId).catch(() => null);
    })();
    this.loading.catch(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Calls the Frontend API, applies the answer's client, returns `response`. */
  async call<T>(method: HttpMethod, path: string, params?: FormParams): Promise<T> {
    try {
      // `/v1/me…` and organization routes act as a session: name the active one, as Clerk does.
      const query =
        this.activeSessionId !== null && /^\/v1\/(me|organizations)(\/|$)/.test(path)
          ? { _clerk_session_id: this.activeSessionId }
          : undefined;
      const answer = await this.fapi.request<T>(method, path, params, query);
      this.applyClient(answer.client);
      return answer.response;
    } catch (error) {
      if (error instanceof FrontendApiResponseError && error.client !== null) {
        this.applyClient(error.client);
      }
      throw error;
    }
  }

  /** Fetches `GET /v1/client` and applies it. */
  async reloadClient(): Promise<void> {
    const answer = await this.fapi.request<ClientJson | null>("GET", "/v1/client");
    this.applyClient(answer.response ?? answer.client, true);
  }

  /**
   * A session token (cached until shortly before it expires) or a template token.
   *
   * @throws `ClerkAPIResponseError` (`signed_out`, `session_not_active`, `resource_not_found`)
   */
  async getToken(sessionId: string, options: GetTokenOptions = {}): Promise<string | null> {
    const template = options.template ?? "";
    const switching = options.organizationId !== undefined;
    if (!options.skipCache && !switching) {
      const fresh = this.tokens.fresh(sessionId, template);
      if (fresh !== undefined) return fresh;
    }
    const pending = this.tokens.pending(sessionId, template);
    if (pending && !switching) return pending;
    const path = `/v1/client/sessions/${encodeURIComponent(sessionId)}/tokens${
      template === "" ? "" : `/${encodeURIComponent(template)}`
    }`;
    const request = (async () => {
      const body = await this.fapi.requestBare<{ jwt?: string } | null>(
        "POST",
        path,
        switching ? { organization_id: options.organizationId ?? "" } : undefined,
      );
      const jwt = body?.jwt ?? null;
      if (jwt === null) return null;
      this.rememberToken(sessionId, template, jwt);
      if (switching) await this.reloadClient();
      return jwt;
    })();
    return await this.tokens.track(sessionId, template, request);
  }

  /**
   * Makes a session (and organization) active: `touch` with `active_organization_id`, then
   * refreshes the server components and navigates to `redirectUrl`.
   *
   * @throws {LatchkeyClientError} `signed-out` without a session to activate;
   *   `ClerkAPIResponseError` (`resource_not_found` for an organization the user is not in).
   */
  async setActive(params: SetActiveParams): Promise<void> {
    await this.load().catch(() => undefined);
    const requested = params.session === undefined ? this.activeSessionId : params.session;
    const sessionId = typeof requested === "string" ? requested : (requested?.id ?? null);
    if (sessionId === null) {
      this.activeSessionId = null;
      this.claims = null;
      await params.beforeEmit?.();
      this.publish();
    } else {
      const organization = params.organization;
      const body: FormParams = {};
      if (organization !== undefined) {
        body.active_organization_id =
          organization === null
            ? ""
            : typeof organization === "string"
              ? organization
              : organization.id;
      }
      const touched = await this.call<SessionJson>(
        "POST",
        `/v1/client/sessions/${encodeURIComponent(sessionId)}/touch`,
        body,
      );
      this.activeSessionId = sessionId;
      this.tokens.drop(sessionId);
      if (touched.last_active_token) {
        this.rememberToken(sessionId, "", touched.last_active_token.jwt, false);
      }
      if (
        organization !== undefined &&
        organization !== null &&
        !this.memberships.has(touched.last_active_organization_id ?? "")
      ) {
        await this.loadMemberships().catch(() => undefined);
      }
      await params.beforeEmit?.();
      this.publish();
    }
    this.options.navigation.refresh();
    if (params.redirectUrl) await this.options.navigation.push(params.redirectUrl);
  }

  /**
   * Signs out every session of this client (`DELETE /v1/client`) or one (`…/remove`), then
   * navigates to `redirectUrl` (default `afterSignOutUrl`, else `/`) and refreshes the server
   * components there.
   *
   * @throws `ClerkAPIResponseError` when the instance refuses (the state is cleared regardless).
   */
  async signOut(options: SignOutOptions = {}): Promise<void> {
    try {
      if (options.sessionId !== undefined) {
        await this.call(
          "POST",
          `/v1/client/sessions/${encodeURIComponent(options.sessionId)}/remove`,
        );
      } else {
        await this.call("DELETE", "/v1/client");
      }
    } finally {
      if (options.sessionId === undefined || options.sessionId === this.activeSessionId) {
        this.activeSessionId = this.pickActiveSession(null, options.sessionId === undefined);
        this.claims = null;
      }
      this.tokens.clear();
      this.loaded = true;
      this.publish();
    }
    const target =
      options.redirectUrl ??
      this.options.afterSignOutUrl ??
      safeRedirectUrl(this.environment?.display_config?.after_sign_out_all_url) ??
      "/";
    // Leave first, then refresh: refreshing a protected page first would re-render it signed out,
    // and its redirect to the sign-in page would win over `target`.
    await this.options.navigation.push(target);
    this.options.navigation.refresh();
  }

  /**
   * Creates an organization with the signed-in user as admin (`POST /v1/organizations`).
   *
   * @throws `ClerkAPIResponseError` (`form_param_missing`, `form_identifier_exists` for a taken slug…)
   */
  async createOrganization(params: CreateOrganizationParams): Promise<OrganizationResource> {
    const json = await this.call<OrganizationJson>("POST", "/v1/organizations", {
      name: params.name,
      slug: params.slug,
    });
    await this.loadMemberships().catch(() => undefined);
    return organizationResource(json);
  }

  /**
   * Fetches the signed-in user's memberships (`GET /v1/me/organization_memberships`).
   *
   * @throws `ClerkAPIResponseError` (`signed_out`…)
   */
  async loadMemberships(): Promise<OrganizationMembershipResource[]> {
    const list = await this.call<
      OrganizationMembershipJson[] | { data: OrganizationMembershipJson[]; total_count: number }
    >("GET", "/v1/me/organization_memberships", { paginated: "true", limit: 100 });
    const data = Array.isArray(list) ? list : (list?.data ?? []);
    const memberships = data.map(organizationMembershipResource);
    this.memberships = new Map(memberships.map((m) => [m.organization.id, m]));
    this.membershipsLoaded = true;
    this.publish();
    return memberships;
  }

  /** The sign-in page URL with `redirect_url` (default: the current page). */
  buildSignInUrl(options: { redirectUrl?: string } = {}): string {
    return withRedirectUrl(this.signInUrl(), options.redirectUrl ?? currentHref());
  }

  /** The sign-up page URL with `redirect_url` (default: the current page). */
  buildSignUpUrl(options: { redirectUrl?: string } = {}): string {
    return withRedirectUrl(this.signUpUrl(), options.redirectUrl ?? currentHref());
  }

  /** The app's sign-in page. */
  signInUrl(): string {
    return this.options.signInUrl;
  }

  /** The app's sign-up page. */
  signUpUrl(): string {
    return this.options.signUpUrl;
  }

  /** The instance's environment once loaded. */
  getEnvironment(): EnvironmentJson | null {
    return this.environment;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private rememberToken(sessionId: string, template: string, jwt: string, publish = true): void {
    const claims = this.tokens.remember(sessionId, template, jwt);
    if (template === "" && claims !== undefined && sessionId === this.activeSessionId) {
      this.claims = claims;
      if (publish) this.publish();
    }
  }

  private pickActiveSession(current: string | null, none = false): string | null {
    if (none) return null;
    const sessions = this.clientJson?.sessions ?? [];
    if (current !== null && sessions.some((s) => s.id === current)) return current;
    const last = this.clientJson?.last_active_session_id ?? null;
    if (last !== null && sessions.some((s) => s.id === last)) return last;
    return null;
  }

  private applyClient(json: ClientJson | null, reselect = false): void {
    if (json === null && !reselect) return;
    this.clientJson = json;
    const stillThere = (json?.sessions ?? []).some((s) => s.id === this.activeSessionId);
    if (!stillThere) {
      this.activeSessionId = reselect ? this.pickActiveSession(null) : null;
      this.claims = null;
    }
    this.absorbMemberships();
    this.publish();
  }

  /** Memberships embedded in the user JSON join the known ones. */
  private absorbMemberships(): void {
    const session = this.clientJson?.sessions.find((s) => s.id === this.activeSessionId);
    const embedded = session?.user?.organization_memberships ?? [];
    if (embedded.length === 0) return;
    const next = new Map(this.memberships);
    for (const m of embedded) next.set(m.organization.id, organizationMembershipResource(m));
    this.memberships = next;
  }

  private publish(): void {
    this.state = this.build();
    for (const listener of this.listeners) listener();
  }

  /** The user of the latest snapshot with this id (resources return the fresh one). */
  private latestUser = (userId: string): UserResource | null =>
    this.state.client?.sessions.find((s) => s.user?.id === userId)?.user ?? null;

  /** The session of the latest snapshot with this id, else one built from `fallback`. */
  private latestSession = (sessionId: string, fallback: SessionJson): SessionResource =>
    this.state.client?.sessions.find((s) => s.id === sessionId) ??
    sessionResource(this.host, fallback, null, this.latestSession);

  private build(): ClerkState {
    return buildClerkState({
      host: this.host,
      clientJson: this.clientJson,
      activeSessionId: this.activeSessionId,
      loaded: this.loaded,
      memberships: this.memberships,
      membershipsLoaded: this.membershipsLoaded,
      claims: this.claims,
      environment: this.environment,
      latestUser: this.latestUser,
      latestSession: this.latestSession,
    });
  }

  /** Fails with `signed-out` when no session is active. */
  requireSession(): SessionResource {
    const session = this.state.session;
    if (session === null) {
      throw new LatchkeyClientError("signed-out", "No session is active on this client.");
    }
    return session;
  }
}
