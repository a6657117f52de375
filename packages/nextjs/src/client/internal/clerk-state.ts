import type { JwtPayload } from "@latchkey/backend";
import type { ClientJson, EnvironmentJson, SessionJson } from "./resources/fapi-json.js";
import type {
  OrganizationMembershipResource,
  OrganizationResource,
} from "./resources/organization-resource.js";
import type { ResourceHost } from "./resources/resource-host.js";
import { type SessionResource, sessionResource } from "./resources/session-resource.js";
import { type SignInResource, signInResource } from "./resources/sign-in-resource.js";
import { type SignUpResource, signUpResource } from "./resources/sign-up-resource.js";
import { type UserResource, userResource } from "./resources/user-resource.js";

/** The browser's client (Clerk's `ClientResource`, the parts apps read). */
export interface ClientResource {
  id: string;
  sessions: SessionResource[];
  signIn: SignInResource;
  signUp: SignUpResource;
  lastActiveSessionId: string | null;
}

/** A snapshot of the provider's state; a new object on every change. */
export interface ClerkState {
  loaded: boolean;
  client: ClientResource | null;
  session: SessionResource | null;
  user: UserResource | null;
  organization: OrganizationResource | null;
  memberships: ReadonlyMap<string, OrganizationMembershipResource>;
  /** Whether the membership list was fetched from the instance. */
  membershipsLoaded: boolean;
  claims: JwtPayload | null;
  environment: EnvironmentJson | null;
  /** The empty sign-in/sign-up when the client has none in progress. */
  signIn: SignInResource;
  signUp: SignUpResource;
}

/** What the provider's core knows, from which {@link buildClerkState} makes a snapshot. */
export interface ClerkStateInput {
  host: ResourceHost;
  clientJson: ClientJson | null;
  activeSessionId: string | null;
  loaded: boolean;
  memberships: ReadonlyMap<string, OrganizationMembershipResource>;
  membershipsLoaded: boolean;
  claims: JwtPayload | null;
  environment: EnvironmentJson | null;
  /** The user of the latest snapshot with this id (resources return the fresh one). */
  latestUser: (userId: string) => UserResource | null;
  /** The session of the latest snapshot with this id, else one built from `fallback`. */
  latestSession: (sessionId: string, fallback: SessionJson) => SessionResource;
}

/** A fresh snapshot: the client's sessions and users as resources, the active ones picked out. */
export function buildClerkState(input: ClerkStateInput): ClerkState {
  const { host, clientJson: json, activeSessionId, memberships } = input;
  const sessions = new Map<string, SessionResource>();
  for (const s of json?.sessions ?? []) {
    const user = s.user ? userResource(host, s.user, input.latestUser) : null;
    sessions.set(s.id, sessionResource(host, s, user, input.latestSession));
  }
  const signIn = signInResource(host, json?.sign_in ?? null);
  const signUp = signUpResource(host, json?.sign_up ?? null);
  const session = activeSessionId === null ? null : (sessions.get(activeSessionId) ?? null);
  const orgId = session?.lastActiveOrganizationId ?? null;
  return {
    loaded: input.loaded,
    client:
      json === null
        ? null
        : {
            id: json.id,
            sessions: [...sessions.values()],
            signIn,
            signUp,
            lastActiveSessionId: json.last_active_session_id,
          },
    session,
    user: session?.user ?? null,
    organization: orgId === null ? null : (memberships.get(orgId)?.organization ?? null),
    memberships,
    membershipsLoaded: input.membershipsLoaded,
    claims: input.claims,
    environment: input.environment,
    signIn,
    signUp,
  };
}
