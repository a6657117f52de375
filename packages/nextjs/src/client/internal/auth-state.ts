import { type JwtPayload, sessionAuthProperties } from "@latchkey/backend";
import type { OrganizationMembershipResource } from "./resources/organization-resource.js";
import type { SessionResource } from "./resources/session-resource.js";

/** What the server knew when it rendered the page (`auth()` in the server `ClerkProvider`). */
export interface InitialAuthState {
  userId: string | null;
  sessionId: string | null;
  orgId: string | null;
  orgRole: string | null;
  orgSlug: string | null;
  orgPermissions?: string[] | null;
  sessionClaims: JwtPayload | null;
  actor?: Record<string, unknown> | null;
  factorVerificationAge?: [number, number] | null;
}

/** The auth values the hooks derive (`undefined` while nothing is known yet). */
export interface AuthState {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  userId: string | null | undefined;
  sessionId: string | null | undefined;
  orgId: string | null | undefined;
  orgRole: string | null | undefined;
  orgSlug: string | null | undefined;
  orgPermissions: string[] | null | undefined;
  sessionClaims: JwtPayload | null | undefined;
  actor: Record<string, unknown> | null | undefined;
  factorVerificationAge: [number, number] | null | undefined;
}

/** What {@link deriveAuthState} reads from the provider's state. */
export interface AuthSources {
  loaded: boolean;
  session: SessionResource | null;
  /** Claims of the latest session token of the active session, when one was seen. */
  claims: JwtPayload | null;
  /** Known memberships of the signed-in user, by organization id. */
  memberships: ReadonlyMap<string, OrganizationMembershipResource>;
}

const NOT_LOADED: AuthState = {
  isLoaded: false,
  isSignedIn: undefined,
  userId: undefined,
  sessionId: undefined,
  orgId: undefined,
  orgRole: undefined,
  orgSlug: undefined,
  orgPermissions: undefined,
  sessionClaims: undefined,
  actor: undefined,
  factorVerificationAge: undefined,
};

const SIGNED_OUT: AuthState = {
  isLoaded: true,
  isSignedIn: false,
  userId: null,
  sessionId: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
  sessionClaims: null,
  actor: null,
  factorVerificationAge: null,
};

function fromInitial(initial: InitialAuthState): AuthState {
  if (!initial.userId || !initial.sessionId) return SIGNED_OUT;
  return {
    isLoaded: true,
    isSignedIn: true,
    userId: initial.userId,
    sessionId: initial.sessionId,
    orgId: initial.orgId ?? null,
    orgRole: initial.orgRole ?? null,
    orgSlug: initial.orgSlug ?? null,
    orgPermissions: initial.orgPermissions ?? null,
    sessionClaims: initial.sessionClaims,
    actor: initial.actor ?? null,
    factorVerificationAge: initial.factorVerificationAge ?? null,
  };
}

/**
 * Derives the auth values: from the server's initial state until the client is loaded (so the
 * first render already matches the server's), then from the active session. The organization role
 * and permissions come from the latest session token when it is about the active organization,
 * else from the user's membership, else from the initial state of the same session.
 *
 * @example
 * const auth = deriveAuthState({ loaded: false, session: null, claims: null, memberships }, initial);
 * auth.isSignedIn; // true when the server rendered signed in
 */
export function deriveAuthState(
  sources: AuthSources,
  initial: InitialAuthState | undefined,
): AuthState {
  if (!sources.loaded) return initial === undefined ? NOT_LOADED : fromInitial(initial);
  const { session } = sources;
  if (session === null) return SIGNED_OUT;
  const userId = session.user?.id ?? session.publicUserData.userId ?? null;
  const orgId = session.lastActiveOrganizationId;
  const claims = sources.claims?.sid === session.id ? sources.claims : null;
  const fromToken = claims ? sessionAuthProperties(claims) : null;
  let orgRole: string | null = null;
  let orgSlug: string | null = null;
  let orgPermissions: string[] | null = null;
  const membership = orgId === null ? undefined : sources.memberships.get(orgId);
  if (orgId !== null && fromToken?.orgId === orgId) {
    orgRole = fromToken.orgRole ?? null;
    orgSlug = fromToken.orgSlug ?? null;
    orgPermissions = fromToken.orgPermissions ?? [];
  } else if (membership !== undefined) {
    orgRole = membership.role;
    orgSlug = membership.organization.slug;
    orgPermissions = membership.permissions;
  } else if (orgId !== null && initial?.sessionId === session.id && initial.orgId === orgId) {
    orgRole = initial.orgRole;
    orgSlug = initial.orgSlug;
    orgPermissions = initial.orgPermissions ?? null;
  }
  return {
    isLoaded: true,
    isSignedIn: true,
    userId,
    sessionId: session.id,
    orgId,
    orgRole,
    orgSlug,
    orgPermissions,
    sessionClaims: claims ?? (initial?.sessionId === session.id ? initial.sessionClaims : null),
    actor: fromToken?.actor ?? null,
    factorVerificationAge: session.factorVerificationAge,
  };
}

/**
 * Clerk's `has()` on the client: a role or permission holds only in the active organization;
 * anything else is refused (fail closed).
 *
 * @example
 * checkAuthorization(auth, { role: "org:admin" }); // false without an active organization
 */
export function checkAuthorization(
  auth: Pick<AuthState, "orgId" | "orgRole" | "orgPermissions">,
  params: { role?: string; permission?: string },
): boolean {
  if (!auth.orgId) return false;
  if (params.permission !== undefined)
    return auth.orgPermissions?.includes(params.permission) ?? false;
  if (params.role !== undefined) {
    const wanted = params.role.startsWith("org:") ? params.role : `org:${params.role}`;
    return auth.orgRole === wanted;
  }
  return false;
}
