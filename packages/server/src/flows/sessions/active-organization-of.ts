import type { SessionRecord } from "../../store/session-store.js";
import type { Store } from "../../store/store.js";
import type { ActiveOrganization } from "../../tokens/organization-claims.js";
import type { TemplateOrganization } from "../../tokens/template-shortcode-data.js";

/**
 * The session's active organization with the user's role and permissions in it, as session tokens
 * (`o` claim) and JWT templates (`{{org.*}}`) need it; null when the session has none, or when the
 * user is no longer a member (a removed member's tokens stop naming the organization at once).
 *
 * @example
 * const organization = await activeOrganizationOf(store, session);
 * await mintSessionToken(signingKeys, { session, organization, issuer, now, lifetimeSeconds: 60 });
 */
export async function activeOrganizationOf(
  store: Store,
  session: Pick<SessionRecord, "userId" | "lastActiveOrganizationId">,
): Promise<(ActiveOrganization & TemplateOrganization) | null> {
  if (session.lastActiveOrganizationId === null) return null;
  const membership = await store.getOrganizationMembership(
    session.lastActiveOrganizationId,
    session.userId,
  );
  if (membership === null) return null;
  const { organization } = membership;
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    role: membership.role,
    permissions: membership.permissions,
    publicMetadata: organization.publicMetadata,
  };
}
