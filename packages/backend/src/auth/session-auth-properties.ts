import type { JwtPayload } from "../tokens/jwt-payload.js";

/** What a verified session token says about who is signed in. */
export interface SessionAuthProperties {
  userId: string;
  sessionId: string;
  sessionClaims: JwtPayload;
  sessionStatus: string | null;
  actor: Record<string, unknown> | undefined;
  orgId: string | undefined;
  orgRole: string | undefined;
  orgSlug: string | undefined;
  orgPermissions: string[] | undefined;
  /** Minutes since the first and second factor were verified; `null` when the token lacks `fva`. */
  factorVerificationAge: [number, number] | null;
}

/**
 * Reads the auth properties from session-token claims, in Clerk's v2 format (`v: 2`, `o`, `fea`)
 * or the v1 format (`org_id`, `org_role`, `org_slug`, `org_permissions`).
 *
 * @example
 * ```ts
 * const { userId, orgId, orgPermissions } = sessionAuthProperties(await verifyToken(t, opts));
 * ```
 */
export function sessionAuthProperties(claims: JwtPayload): SessionAuthProperties {
  let orgId: string | undefined;
  let orgRole: string | undefined;
  let orgSlug: string | undefined;
  let orgPermissions: string[] | undefined;
  if (claims.v === 2) {
    const org = claims.o;
    if (org && typeof org.id === "string") {
      orgId = org.id;
      orgSlug = typeof org.slg === "string" ? org.slg : undefined;
      orgRole = typeof org.rol === "string" ? withOrgPrefix(org.rol) : undefined;
      orgPermissions = decodeOrgPermissions(claims.fea, org.per, org.fpm);
    }
  } else {
    orgId = stringOrUndefined(claims.org_id);
    orgRole = stringOrUndefined(claims.org_role);
    orgSlug = stringOrUndefined(claims.org_slug);
    orgPermissions = Array.isArray(claims.org_permissions)
      ? claims.org_permissions.filter((p): p is string => typeof p === "string")
      : undefined;
  }
  const fva = claims.fva;
  return {
    userId: claims.sub,
    sessionId: typeof claims.sid === "string" ? claims.sid : "",
    sessionClaims: claims,
    sessionStatus: typeof claims.sts === "string" ? claims.sts : null,
    actor: claims.act && typeof claims.act === "object" ? claims.act : undefined,
    orgId,
    orgRole,
    orgSlug,
    orgPermissions,
    factorVerificationAge:
      Array.isArray(fva) && fva.length === 2 && fva.every((n) => typeof n === "number")
        ? [fva[0], fva[1]]
        : null,
  };
}

function withOrgPrefix(role: string): string {
  return role.startsWith("org:") ? role : `org:${role}`;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * v2 tokens pack permissions compactly: `per` lists permission names; for each organization
 * feature in `fea` (entries whose scope contains `o`, e.g. `o:reports`), `fpm` holds a bit mask
 * over `per`, most significant bit first. Feature `reports` with mask `0b10` over `read,manage`
 * grants `org:reports:read`.
 */
function decodeOrgPermissions(fea?: string, per?: string, fpm?: string): string[] {
  if (!fea || !per || !fpm) return [];
  const names = per.split(",").map((name) => name.trim());
  const masks = fpm.split(",").map((mask) => Number.parseInt(mask.trim(), 10));
  const features = fea
    .split(",")
    .map((entry) => entry.trim().split(":"))
    .filter(([scope, feature]) => scope?.includes("o") && feature)
    .map(([, feature]) => feature as string);
  const permissions: string[] = [];
  features.forEach((feature, index) => {
    const mask = masks[index];
    if (mask === undefined || !Number.isInteger(mask) || mask < 0) return;
    names.forEach((name, bit) => {
      if (mask & (1 << (names.length - 1 - bit))) permissions.push(`org:${feature}:${name}`);
    });
  });
  return permissions;
}
