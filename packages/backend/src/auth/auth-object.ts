import type { JwtPayload } from "../tokens/jwt-payload.js";
import { type SessionAuthProperties, sessionAuthProperties } from "./session-auth-properties.js";

/** What `has()` can check. A role or permission is checked against the active organization. */
export interface CheckAuthorizationParams {
  role?: string;
  permission?: string;
}

/** `getToken()` options: no template gives the current session token. */
export interface GetTokenOptions {
  template?: string;
  expiresInSeconds?: number;
}

/** Fetches a template token for a session from the Backend API. */
export type TemplateTokenFetcher = (
  sessionId: string,
  template: string,
  expiresInSeconds?: number,
) => Promise<string>;

/** The auth object of a signed-in request (Clerk's `SignedInAuthObject`). */
export interface SignedInAuthObject extends SessionAuthProperties {
  isAuthenticated: true;
  tokenType: "session_token";
  /** The session token, or a template token from the Backend API when `template` is given. */
  getToken(options?: GetTokenOptions): Promise<string | null>;
  /** `true` when the active organization grants the role or permission. */
  has(params: CheckAuthorizationParams): boolean;
  debug(): Record<string, unknown>;
}

/** The auth object of a signed-out request (Clerk's `SignedOutAuthObject`). */
export interface SignedOutAuthObject {
  isAuthenticated: false;
  tokenType: "session_token";
  userId: null;
  sessionId: null;
  sessionClaims: null;
  sessionStatus: null;
  actor: null;
  orgId: null;
  orgRole: null;
  orgSlug: null;
  orgPermissions: null;
  factorVerificationAge: null;
  getToken(options?: GetTokenOptions): Promise<null>;
  has(params: CheckAuthorizationParams): false;
  debug(): Record<string, unknown>;
}

/** Either auth object. */
export type AuthObject = SignedInAuthObject | SignedOutAuthObject;

/**
 * Properties by claims object: a cached token hands back the same claims on every request, so
 * they are read once per token. Kept frozen, since every request's auth object shares them.
 */
const propertiesByClaims = new WeakMap<JwtPayload, SessionAuthProperties>();

function propertiesOf(claims: JwtPayload): SessionAuthProperties {
  let properties = propertiesByClaims.get(claims);
  if (!properties) {
    properties = sessionAuthProperties(claims);
    if (properties.orgPermissions) Object.freeze(properties.orgPermissions);
    if (properties.factorVerificationAge) Object.freeze(properties.factorVerificationAge);
    propertiesByClaims.set(claims, Object.freeze(properties));
  }
  return properties;
}

/**
 * Builds the auth object of a verified session token.
 *
 * @example
 * ```ts
 * const auth = signedInAuthObject(token, claims, fetchTemplateToken);
 * if (auth.has({ role: "org:admin" })) showAdmin();
 * ```
 */
export function signedInAuthObject(
  sessionToken: string,
  claims: JwtPayload,
  fetchTemplateToken: TemplateTokenFetcher | undefined,
): SignedInAuthObject {
  const properties = propertiesOf(claims);
  // One literal of fixed shape (no spread): this runs on every signed-in request.
  return {
    userId: properties.userId,
    sessionId: properties.sessionId,
    sessionClaims: properties.sessionClaims,
    sessionStatus: properties.sessionStatus,
    actor: properties.actor,
    orgId: properties.orgId,
    orgRole: properties.orgRole,
    orgSlug: properties.orgSlug,
    orgPermissions: properties.orgPermissions,
    factorVerificationAge: properties.factorVerificationAge,
    isAuthenticated: true,
    tokenType: "session_token",
    getToken: async (options) => {
      if (!options?.template) return sessionToken;
      if (!fetchTemplateToken) {
        throw new Error("getToken({ template }) needs a secret key to reach the Backend API.");
      }
      return fetchTemplateToken(properties.sessionId, options.template, options.expiresInSeconds);
    },
    has: (params) => checkAuthorization(properties, params),
    debug: () => ({ ...properties }),
  };
}

/**
 * The auth object of a request without a valid session.
 *
 * @example
 * ```ts
 * const auth = signedOutAuthObject();
 * auth.userId; // null
 * ```
 */
export function signedOutAuthObject(debug: Record<string, unknown> = {}): SignedOutAuthObject {
  return {
    isAuthenticated: false,
    tokenType: "session_token",
    userId: null,
    sessionId: null,
    sessionClaims: null,
    sessionStatus: null,
    actor: null,
    orgId: null,
    orgRole: null,
    orgSlug: null,
    orgPermissions: null,
    factorVerificationAge: null,
    getToken: async () => null,
    has: () => false,
    debug: () => debug,
  };
}

/**
 * Clerk's `has()`: a role or permission holds only inside an active organization; a request that
 * names neither is not authorized (fail closed).
 */
function checkAuthorization(
  { orgId, orgRole, orgPermissions }: SessionAuthProperties,
  { role, permission }: CheckAuthorizationParams,
): boolean {
  if (!orgId) return false;
  if (permission !== undefined) return orgPermissions?.includes(permission) ?? false;
  if (role !== undefined) {
    const wanted = role.startsWith("org:") ? role : `org:${role}`;
    return orgRole === wanted;
  }
  return false;
}
