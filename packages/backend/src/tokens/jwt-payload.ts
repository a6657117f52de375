/** The active organization of a v2 session token (`o` claim). */
export interface OrganizationClaim {
  /** Organization id (`org_…`). */
  id: string;
  /** Role key without the `org:` prefix, e.g. `admin`. */
  rol?: string;
  /** Organization slug. */
  slg?: string;
  /** Comma-separated permission names, indexed by the bits of `fpm`. */
  per?: string;
  /** Comma-separated bit masks, one per organization feature of `fea`, over the names in `per`. */
  fpm?: string;
}

/** Claims of a Clerk session token (v1 and v2), plus whatever a JWT template adds. */
export interface JwtPayload {
  /** Issuer: the instance's Frontend API URL. */
  iss?: string;
  /** Subject: the user id. */
  sub: string;
  /** Session id. */
  sid?: string;
  /** Authorized party: the origin that asked for the token. */
  azp?: string;
  aud?: string | string[];
  exp: number;
  iat: number;
  nbf?: number;
  jti?: string;
  /** Claim format version: 2 for the current format; absent for v1. */
  v?: number;
  /** Minutes since the first and second factor were verified (`-1`: no second factor). */
  fva?: [number, number];
  /** Session status (`active`, `pending`). */
  sts?: string;
  /** Features, e.g. `o:reports,u:beta`. */
  fea?: string;
  /** Plans. */
  pla?: string;
  /** Active organization (v2). */
  o?: OrganizationClaim;
  /** Actor of an impersonated session. */
  act?: Record<string, unknown>;
  /** Active organization (v1). */
  org_id?: string;
  org_role?: string;
  org_slug?: string;
  org_permissions?: string[];
  [claim: string]: unknown;
}

/** Protected header of a session token. */
export interface JwtHeader {
  alg: string;
  kid?: string;
  typ?: string;
  [parameter: string]: unknown;
}
