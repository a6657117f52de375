import type { OrganizationRecord } from "../store/organization-store.js";

/**
 * Serialises an organization as the Frontend API's `Organization` (what its members' browsers
 * see): counts and public metadata, never private metadata. Logos are not supported, so
 * `has_image` is false and `image_url` is absent.
 *
 * @example
 * frontendOrganizationJson(org).members_count; // 3
 */
export function frontendOrganizationJson(org: OrganizationRecord) {
  return {
    object: "organization" as const,
    id: org.id,
    name: org.name,
    slug: org.slug,
    has_image: false,
    members_count: org.membersCount,
    pending_invitations_count: org.pendingInvitationsCount,
    max_allowed_memberships: org.maxAllowedMemberships,
    admin_delete_enabled: org.adminDeleteEnabled,
    public_metadata: org.publicMetadata,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  };
}

/**
 * `public_organization_data` of an invitation: what an invitee may see of the organization.
 *
 * @example
 * publicOrganizationDataJson(org); // { id, name, slug, has_image: false }
 */
export function publicOrganizationDataJson(org: Pick<OrganizationRecord, "id" | "name" | "slug">) {
  return { id: org.id, name: org.name, slug: org.slug, has_image: false };
}
