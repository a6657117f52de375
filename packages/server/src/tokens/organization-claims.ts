/** The active organization of a session, as a session token describes it. */
export interface ActiveOrganization {
  id: string;
  slug: string | null;
  /** Role key, with or without the `org:` prefix (`org:admin`). */
  role: string;
  /** Permission keys, `org:<feature>:<action>` (`org:sys_memberships:manage`). */
  permissions: readonly string[];
}

/** Claims a v2 session token carries for its active organization. */
export interface OrganizationClaims {
  o: { id: string; rol: string; slg?: string; per?: string; fpm?: string };
  /** Organization features (`o:<feature>`, comma-separated), indexing the masks of `o.fpm`. */
  fea?: string;
}

const PERMISSION = /^org:([^:,]+):([^:,]+)$/;

/**
 * Encodes the active organization as Clerk's v2 claims: `o.rol` without the `org:` prefix; the
 * permissions as `o.per` (action names), `fea` (`o:<feature>` list) and `o.fpm` (one bit mask per
 * feature over the names of `per`, most significant bit = first name). Permissions not of the
 * form `org:<feature>:<action>` cannot be encoded and are left out.
 *
 * @example
 * organizationClaims({ id: "org_1", slug: "acme", role: "org:admin",
 *   permissions: ["org:sys_memberships:read"] });
 * // { o: { id: "org_1", rol: "admin", slg: "acme", per: "read", fpm: "1" }, fea: "o:sys_memberships" }
 */
export function organizationClaims(organization: ActiveOrganization): OrganizationClaims {
  const o: OrganizationClaims["o"] = {
    id: organization.id,
    rol: organization.role.replace(/^org:/, ""),
  };
  if (organization.slug !== null) o.slg = organization.slug;
  const names: string[] = [];
  const features: string[] = [];
  const pairs: Array<[feature: string, name: string]> = [];
  for (const permission of organization.permissions) {
    const match = PERMISSION.exec(permission);
    if (match === null) continue;
    const [, feature, name] = match as unknown as [string, string, string];
    if (!features.includes(feature)) features.push(feature);
    if (!names.includes(name)) names.push(name);
    pairs.push([feature, name]);
  }
  if (pairs.length === 0) return { o };
  const masks = features.map((feature) =>
    pairs
      .filter(([f]) => f === feature)
      .reduce((mask, [, name]) => mask | (1 << (names.length - 1 - names.indexOf(name))), 0),
  );
  o.per = names.join(",");
  o.fpm = masks.join(",");
  return { o, fea: features.map((feature) => `o:${feature}`).join(",") };
}
