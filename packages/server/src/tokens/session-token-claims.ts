import type { SessionRecord } from "../store/session-store.js";
import { type ActiveOrganization, organizationClaims } from "./organization-claims.js";

/** Input of {@link sessionTokenClaims}. */
export interface SessionTokenClaimsInput {
  session: Pick<
    SessionRecord,
    "id" | "userId" | "status" | "actor" | "firstFactorVerifiedAt" | "secondFactorVerifiedAt"
  >;
  /** The Frontend API URL. */
  issuer: string;
  /** The origin that asked for the token (`azp`), when known. */
  authorizedParty?: string | null;
  /** Epoch milliseconds. */
  now: number;
  lifetimeSeconds: number;
  /** The session's active organization, or null. */
  organization?: ActiveOrganization | null;
}

const minutesSince = (now: number, at: number): number =>
  Math.max(0, Math.floor((now - at) / 60_000));

/**
 * Builds the claims of a Clerk v2 session token: `iss`, `sub`, `sid`, `azp` (when known), `iat`,
 * `nbf = iat − 10`, `exp`, `v: 2`, `fva`, `sts`, `act` for impersonated sessions, and the active
 * organization as `o` (+ `fea`).
 *
 * @example
 * const claims = sessionTokenClaims({ session, issuer: "https://x.test/__clerk", now, lifetimeSeconds: 60 });
 */
export function sessionTokenClaims(input: SessionTokenClaimsInput): Record<string, unknown> {
  const { session, now } = input;
  const iat = Math.floor(now / 1000);
  const second = session.secondFactorVerifiedAt;
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    sub: session.userId,
    sid: session.id,
    iat,
    nbf: iat - 10,
    exp: iat + input.lifetimeSeconds,
    v: 2,
    fva: [
      minutesSince(now, session.firstFactorVerifiedAt),
      second === null ? -1 : minutesSince(now, second),
    ],
    sts: session.status,
  };
  if (input.authorizedParty) claims.azp = input.authorizedParty;
  if (session.actor !== null) claims.act = session.actor;
  if (input.organization) Object.assign(claims, organizationClaims(input.organization));
  return claims;
}
